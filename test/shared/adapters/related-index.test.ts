import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureArticleTable } from '../../../infra/local/provision';
import { createRelatedIndex } from '../../../shared/adapters/related-index';
import type { IndexedDocument, RelatedIndex } from '../../../shared/ports/related-index';
import type { ScoredLink } from '../../../shared/domain/related';
import { dynamoDbClient } from '../../support/aws-env';

let index: RelatedIndex;

function document(
  id: string,
  terms: Record<string, number>,
  overrides: Partial<IndexedDocument> = {},
  publishedAt = '2026-01-01T00:00:00.000Z',
): IndexedDocument {
  return {
    article: {
      id,
      slug: `slug-${id}`,
      title: `Title ${id}`,
      section: 'World',
      tags: ['t'],
      language: 'en',
      publishedAt,
      status: 'published',
      length: 50,
      query: new Map(Object.keys(terms).map((term) => [term, 1])),
      selfScore: 2,
    },
    version: 1,
    postings: new Map(Object.entries(terms)),
    vocabulary: Object.keys(terms),
    related: [],
    ...overrides,
  };
}

/** A term unique to one test, so tests sharing the table do not see each other's postings. */
const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

beforeAll(async () => {
  const client = dynamoDbClient();
  const tableName = `related-index-test-${Date.now()}`;
  await ensureArticleTable(client, tableName);
  index = createRelatedIndex({ client: DynamoDBDocumentClient.from(client), tableName });
});

describe('related index on DynamoDB Local', () => {
  it('returns the postings of a term newest first, up to the limit', async () => {
    const term = unique('chip');
    for (const [i, day] of ['01', '03', '02'].entries()) {
      await index.indexArticle(document(unique(`a${i}`), { [term]: 2 }, {}, `2026-01-${day}T00:00:00.000Z`));
    }
    const found = await index.postings([term], 2);
    expect(found.map((p) => p.article.publishedAt)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
  });

  it('returns the article summary, frequency and query a posting carries', async () => {
    const term = unique('export');
    const doc = document(unique('b'), { [term]: 4 });
    await index.indexArticle(doc);
    const [found] = await index.postings([term], 10);
    expect(found).toEqual({ term, frequency: 4, article: doc.article });
  });

  it('counts document frequencies and archive totals as articles are indexed', async () => {
    const term = unique('vote');
    const before = await index.archiveStats([term]);
    await index.indexArticle(document(unique('c'), { [term]: 1 }));
    await index.indexArticle(document(unique('d'), { [term]: 1 }));
    const after = await index.archiveStats([term]);
    expect(after.documentFrequencies.get(term)).toBe(2);
    expect(after.documents - before.documents).toBe(2);
    expect(after.totalLength - before.totalLength).toBe(100);
  });

  it('indexes the same version only once', async () => {
    const term = unique('retry');
    const doc = document(unique('e'), { [term]: 1 });
    expect(await index.indexArticle(doc)).toBe('indexed');
    expect(await index.indexArticle(doc)).toBe('unchanged');
    expect((await index.archiveStats([term])).documentFrequencies.get(term)).toBe(1);
    expect(await index.postings([term], 10)).toHaveLength(1);
  });

  it('replaces the postings of an earlier version when an article is re-indexed', async () => {
    const [oldTerm, newTerm] = [unique('old'), unique('new')];
    const id = unique('f');
    await index.indexArticle(document(id, { [oldTerm]: 1 }));
    await index.indexArticle(document(id, { [newTerm]: 1 }, { version: 2 }));
    expect(await index.postings([oldTerm], 10)).toEqual([]);
    expect((await index.postings([newTerm], 10)).map((p) => p.article.id)).toEqual([id]);
    expect((await index.archiveStats([oldTerm])).documentFrequencies.get(oldTerm)).toBe(0);
  });

  it('takes a withdrawn article out of the postings and the counts', async () => {
    const term = unique('gone');
    const id = unique('g');
    await index.indexArticle(document(id, { [term]: 1 }));
    const before = await index.archiveStats([term]);
    expect(await index.removeArticle(id)).toBe(true);
    const after = await index.archiveStats([term]);
    expect(await index.postings([term], 10)).toEqual([]);
    expect(after.documentFrequencies.get(term)).toBe(0);
    expect(before.documents - after.documents).toBe(1);
    expect(await index.currentRelated([id])).toEqual(new Map());
  });

  it('records a new related list only for the indexed version', async () => {
    const id = unique('h');
    await index.indexArticle(document(id, { [unique('x')]: 1 }, { version: 2 }));
    const related: ScoredLink[] = [{ id: 'o', slug: 'o', title: 'O', section: 'World', score: 0.5 }];
    expect(await index.setRelated(id, 1, related)).toBe(false);
    expect(await index.setRelated(id, 2, related)).toBe(true);
    expect((await index.currentRelated([id])).get(id)).toEqual({ id, version: 2, related });
  });

  it('loads documents in bulk with their frequencies', async () => {
    const term = unique('bulk');
    const docs = Array.from({ length: 30 }, (_, i) => document(unique(`i${i}`), { [term]: 1 }));
    await index.importArticles(docs);
    expect((await index.archiveStats([term])).documentFrequencies.get(term)).toBe(30);
    expect(await index.postings([term], 100)).toHaveLength(30);
  });
});
