import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureArticleTable } from '../../../infra/local/provision';
import { createArticleLists } from '../../../shared/adapters/article-lists';
import { listId, listRef, type ListedArticle } from '../../../shared/domain/render';
import type { ArticleLists } from '../../../shared/ports/article-lists';
import type { ArticleStore } from '../../../shared/ports/article-store';
import { createArticleStore } from '../../../shared/adapters/article-store';
import { articleHead } from '../../support/article-fixtures';
import { dynamoDbClient } from '../../support/aws-env';

let lists: ArticleLists;
let store: ArticleStore;

beforeAll(async () => {
  const tableName = `article-lists-${Date.now().toString(36)}`;
  await ensureArticleTable(dynamoDbClient(), tableName);
  const client = DynamoDBDocumentClient.from(dynamoDbClient());
  lists = createArticleLists({ client, tableName });
  store = createArticleStore({ client, tableName });
});

const article = (id: string, section: string, publishedAt = '2026-03-04T10:00:00.000Z'): ListedArticle => ({
  id,
  slug: `story-${id}`,
  title: `Story ${id}`,
  section,
  tags: [],
  publishedAt,
  updatedAt: publishedAt,
  language: 'en',
  takeaways: ['One point.'],
});

describe('the list read model, a render batch at a time', () => {
  it('raises the revision of each list whose entries a batch changed, once per batch, and reads it with the total', async () => {
    const section = listId(listRef('section', 'Revisions'));
    expect(await lists.revisions([section])).toEqual(new Map([[section, { revision: 0, total: 0 }]]));
    const added = await lists.updateListings(['r1', 'r2'].map((id) => ({ id, next: article(id, 'Revisions'), previous: undefined })));
    expect((await lists.revisions([section])).get(section)).toEqual({ revision: 1, total: 2 });

    const previous = added.updates.get('r1')?.listing;
    // As read back from the table, whose key order need not be the order the listing was built in.
    const reordered = previous && { ordinals: Object.fromEntries(Object.entries(previous.ordinals).reverse()), article: previous.article };
    await lists.updateListings([{ id: 'r1', next: article('r1', 'Revisions'), previous: reordered }]);
    expect((await lists.revisions([section])).get(section)).toEqual({ revision: 1, total: 2 });

    const edited = { ...article('r1', 'Revisions'), title: 'Story r1, corrected' };
    const retitled = await lists.updateListings([{ id: 'r1', next: edited, previous }]);
    expect((await lists.revisions([section])).get(section)).toEqual({ revision: 2, total: 2 });

    await lists.updateListings([{ id: 'r1', next: undefined, previous: retitled.updates.get('r1')?.listing }]);
    expect((await lists.revisions([section])).get(section)).toEqual({ revision: 3, total: 2 });
  });

  it('gives a batch consecutive ordinals in its order, each article the totals as if listed one by one', async () => {
    const section = listId(listRef('section', 'Batch One'));
    const { updates, totals } = await lists.updateListings(
      ['a', 'b', 'c'].map((id) => ({ id, next: article(id, 'Batch One'), previous: undefined })),
    );

    expect(['a', 'b', 'c'].map((id) => updates.get(id)?.listing?.ordinals[section])).toEqual([1, 2, 3]);
    expect(['a', 'b', 'c'].map((id) => updates.get(id)?.totals[section])).toEqual([1, 2, 3]);
    expect(totals[section]).toBe(3);
    expect(await lists.total(section)).toBe(3);
    expect((await lists.latest(section, 10)).map((entry) => entry.id)).toEqual(['c', 'b', 'a']);
    expect(await lists.months()).toContain('2026-03');
  });

  it('keeps the ordinal an article already has and numbers only the newcomers, whose lists it reports after the batch', async () => {
    const section = listId(listRef('section', 'Batch Two'));
    const first = await lists.updateListings([{ id: 'd', next: article('d', 'Batch Two'), previous: undefined }]);
    const previous = first.updates.get('d')?.listing;
    const edited = { ...article('d', 'Batch Two'), title: 'Story d, updated', updatedAt: '2026-03-04T11:00:00.000Z' };

    const { updates, totals } = await lists.updateListings([
      { id: 'd', next: edited, previous },
      { id: 'e', next: article('e', 'Batch Two'), previous: undefined },
    ]);

    expect(updates.get('d')?.listing?.ordinals[section]).toBe(1);
    expect(updates.get('e')?.listing?.ordinals[section]).toBe(2);
    expect(updates.get('d')?.totals[section]).toBe(2);
    expect(totals[section]).toBe(2);
    expect((await lists.latest(section, 10)).map((entry) => entry.title)).toEqual(['Story e', 'Story d, updated']);
  });

  it('takes an unlisted article off its lists in the same batch as a newcomer joins them', async () => {
    const section = listId(listRef('section', 'Batch Three'));
    const first = await lists.updateListings([{ id: 'f', next: article('f', 'Batch Three'), previous: undefined }]);

    const { updates } = await lists.updateListings([
      { id: 'f', next: undefined, previous: first.updates.get('f')?.listing },
      { id: 'g', next: article('g', 'Batch Three'), previous: undefined },
    ]);

    expect(updates.get('f')?.listing).toBeUndefined();
    expect(await lists.getListing('f')).toBeUndefined();
    expect((await lists.latest(section, 10)).map((entry) => entry.id)).toEqual(['g']);
    expect(updates.get('f')?.totals[section]).toBe(2);
  });

  it('lists an article only while its head is at the version the listing was made from', async () => {
    const section = listId(listRef('section', 'Versions'));
    const head = articleHead('v1', { section: 'Versions', slug: 'story-v1' });
    await store.saveVersion(head, 0);
    const stale = await lists.updateListings([{ id: 'v1', next: article('v1', 'Versions'), previous: undefined, version: head.version + 1 }]);
    expect(stale.updates.get('v1')?.listing).toBeUndefined();
    expect(await lists.getListing('v1')).toBeUndefined();
    expect(await lists.latest(section, 10)).toEqual([]);

    const current = await lists.updateListings([{ id: 'v1', next: article('v1', 'Versions'), previous: undefined, version: head.version }]);
    expect(current.updates.get('v1')?.listing?.article.id).toBe('v1');
    expect((await lists.latest(section, 10)).map((entry) => entry.id)).toEqual(['v1']);
  });
});
