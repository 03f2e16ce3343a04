import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/domain/lifecycle';
import { ensureArticleTable } from '../../../infra/local/provision';
import { createArticleStore } from '../../../shared/adapters/article-store';
import { headFromStreamImage } from '../../../shared/adapters/article-item';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { HEAD_SORT_KEY } from '../../../events/names';
import type { ArticleStore } from '../../../shared/ports/article-store';
import { articleHead } from '../../support/article-fixtures';
import { dynamoDbClient } from '../../support/aws-env';

let store: ArticleStore;
let documents: DynamoDBDocumentClient;
let tableName: string;

const head = articleHead;

/** `head(...)` as the head item holds it: its content is on the version item only. */
function slimHead(...args: Parameters<typeof articleHead>) {
  const { body: _body, analysis: _analysis, takeaways: _takeaways, takeawaysSource: _source, ...rest } = articleHead(...args);
  return rest;
}

beforeAll(async () => {
  const client = dynamoDbClient();
  tableName = `article-store-test-${Date.now()}`;
  await ensureArticleTable(client, tableName);
  documents = DynamoDBDocumentClient.from(client);
  store = createArticleStore({ client: documents, tableName });
});

describe('article store on DynamoDB Local', () => {
  it("reads a head item in DynamoDB JSON (a stream record's new image) as the head it reads back", async () => {
    await store.saveVersion(head('image-1', { slug: 'image-1', tags: ['chips', 'ai'] }), 0);
    const { Item } = await dynamoDbClient().send(
      new GetItemCommand({ TableName: tableName, Key: { PK: { S: 'ARTICLE#image-1' }, SK: { S: HEAD_SORT_KEY } } }),
    );
    expect(Item).toBeDefined();
    expect(headFromStreamImage(Item!)).toEqual(await store.getHead('image-1'));
    expect(headFromStreamImage({ id: { S: 'image-1' }, version: { N: '1' }, stage: { S: STAGES.notify } })).toBeUndefined();
  });

  it('reads back the head it saved', async () => {
    const saved = await store.saveVersion(head('a1'), 0);
    expect(saved.kind).toBe('saved');
    expect(await store.getHead('a1')).toEqual(slimHead('a1'));
  });

  it("keeps the content off the head item and reads each version's content from its version item", async () => {
    const analysis = { label: "Editor's Desk", body: 'Why it matters.' };
    await store.saveVersion(head('content-1', { slug: 'content-1', body: 'First body.', analysis }), 0);
    await store.saveVersion(head('content-1', { slug: 'content-1', version: 2, body: 'Second body.', sourceHash: 'h2' }), 1);

    const { Item } = await documents.send(new GetCommand({ TableName: tableName, Key: { PK: 'ARTICLE#content-1', SK: 'HEAD' } }));
    expect(Item?.version).toBe(2);
    expect(Item).not.toHaveProperty('body');
    expect(Item).not.toHaveProperty('analysis');
    expect(Item).not.toHaveProperty('takeaways');
    expect(Item).not.toHaveProperty('takeawaysSource');
    const takeaways = { takeaways: ['One.'], takeawaysSource: 'editor' };
    expect(await store.getContents([{ id: 'content-1', version: 1 }])).toEqual(
      new Map([['content-1', { body: 'First body.', analysis, ...takeaways }]]),
    );
    expect(
      await store.getContents([
        { id: 'content-1', version: 2 },
        { id: 'missing', version: 1 },
      ]),
    ).toEqual(new Map([['content-1', { body: 'Second body.', ...takeaways }]]));
  });

  it('reads a head written with its takeaways on it, as heads were before the takeaways moved to the version item', async () => {
    const { body: _body, ...withTakeaways } = head('content-3', { slug: 'content-3', takeaways: ['Held on the head.'] });
    await documents.send(new PutCommand({ TableName: tableName, Item: { PK: 'ARTICLE#content-3', SK: 'HEAD', ...withTakeaways } }));
    await documents.send(
      new PutCommand({
        TableName: tableName,
        Item: { PK: 'ARTICLE#content-3', SK: 'V#00000001', ...head('content-3', { slug: 'content-3', takeaways: ['Held on the head.'] }) },
      }),
    );

    expect(await store.getHead('content-3')).toEqual(slimHead('content-3', { slug: 'content-3' }));
    expect(await store.getContents([{ id: 'content-3', version: 1 }])).toEqual(
      new Map([['content-3', { body: 'Body.', takeaways: ['Held on the head.'], takeawaysSource: 'editor' }]]),
    );
  });

  it('reads a head written with its content on it, as heads were before the content moved to the version item', async () => {
    const old = head('content-2', { slug: 'content-2', body: 'Old-shape body.' });
    await documents.send(new PutCommand({ TableName: tableName, Item: { PK: 'ARTICLE#content-2', SK: 'HEAD', ...old } }));

    expect(await store.getHead('content-2')).toEqual(slimHead('content-2', { slug: 'content-2' }));
    expect(await store.getContents([{ id: 'content-2', version: 1 }])).toEqual(
      new Map([['content-2', { body: 'Old-shape body.', takeaways: ['One.'], takeawaysSource: 'editor' }]]),
    );
    expect(await store.getContents([{ id: 'content-2', version: 2 }])).toEqual(new Map());
  });

  it('reads several current heads at once, leaving out articles that do not exist', async () => {
    await store.saveVersion(head('g1', { slug: 'g1' }), 0);
    await store.saveVersion(head('g2', { slug: 'g2' }), 0);
    await store.saveVersion(head('g2', { slug: 'g2', version: 2, title: 'Second title', sourceHash: 'h2' }), 1);

    const heads = await store.getHeads(['g1', 'g2', 'missing', 'g1']);

    expect([...heads.keys()].sort()).toEqual(['g1', 'g2']);
    expect(heads.get('g1')).toEqual(slimHead('g1', { slug: 'g1' }));
    expect(heads.get('g2')?.version).toBe(2);
  });

  it('keeps every earlier version when a new one is saved', async () => {
    await store.saveVersion(head('a2'), 0);
    await store.saveVersion(head('a2', { version: 2, title: 'Second title', sourceHash: 'h2' }), 1);
    const versions = await store.listVersions('a2');
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [1, 'Article a2'],
      [2, 'Second title'],
    ]);
  });

  it('refuses a version written against a stale previous version', async () => {
    await store.saveVersion(head('a3'), 0);
    await store.saveVersion(head('a3', { version: 2, sourceHash: 'h2' }), 1);
    await expect(store.saveVersion(head('a3', { version: 2, sourceHash: 'h3' }), 1)).rejects.toThrow();
  });

  it('refuses a slug held by another article and names the holder', async () => {
    await store.saveVersion(head('a4', { slug: 'shared-slug' }), 0);
    const outcome = await store.saveVersion(head('a5', { slug: 'shared-slug' }), 0);
    expect(outcome).toEqual({ kind: 'slug-taken', holder: { id: 'a4', title: 'Article a4', draftKey: 'drafts/a4.md' } });
    expect(await store.getHead('a5')).toBeUndefined();
  });

  it('applies a lifecycle event only to the expected version at a stage its guard accepts', async () => {
    await store.saveVersion(head('a6'), 0);
    expect(await store.transition({ id: 'a6', version: 1 }, { type: 'pagesRendered', alertDue: true, relatedRev: 0 })).toBe(true);
    expect(await store.transition({ id: 'a6', version: 1 }, { type: 'pagesRendered', alertDue: true, relatedRev: 0 })).toBe(false);
    expect(await store.transition({ id: 'a6', version: 2 }, { type: 'alertClaimed' })).toBe(false);
    expect((await store.getHead('a6'))?.stage).toBe(STAGES.notify);
  });

  it('refuses pagesRendered decided on an alertDue the head no longer has', async () => {
    await store.saveVersion(head('a7', { slug: 'a7', alertDue: true }), 0);
    expect(await store.transition({ id: 'a7', version: 1 }, { type: 'pagesRendered', alertDue: false, relatedRev: 0 })).toBe(false);
    expect((await store.getHead('a7'))?.stage).toBe(STAGES.render);
  });

  it('lists a scheduled head when its schedule comes, with the related links it was given', async () => {
    const at = '2026-11-29T09:00:00.000Z';
    await store.saveVersion(head('a8', { slug: 'a8', status: 'scheduled', stage: STAGES.scheduled, publishedAt: at }), 0);
    const related = [{ slug: 'b1', title: 'B1', section: 'World' }];
    expect(await store.transition({ id: 'a8', version: 1 }, { type: 'scheduleDue', publishedAt: at, related })).toBe(true);
    expect(await store.getHead('a8')).toMatchObject({ status: 'published', stage: STAGES.render, wentLive: true, related });
    expect((await store.listPublished(100)).map((summary) => summary.id)).toContain('a8');
  });

  it('lists published articles newest first and leaves scheduled ones out', async () => {
    await store.saveVersion(head('b1', { slug: 'b1', publishedAt: '2026-11-27T11:00:00.000Z' }), 0);
    await store.saveVersion(head('b2', { slug: 'b2', publishedAt: '2026-11-27T12:00:00.000Z' }), 0);
    await store.saveVersion(head('b3', { slug: 'b3', status: 'scheduled', stage: STAGES.scheduled, publishedAt: '2026-11-28T12:00:00.000Z' }), 0);
    const ids = (await store.listPublished(50)).map((summary) => summary.id);
    expect(ids.indexOf('b2')).toBeLessThan(ids.indexOf('b1'));
    expect(ids).not.toContain('b3');
  });
});

describe('alert claims', () => {
  it('lets exactly one caller claim an owed alert, and a released claim be taken again', async () => {
    await store.saveVersion(head('c1', { slug: 'c1' }), 0);
    const ref = { id: 'c1', version: 1 };
    await store.transition(ref, { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
    const claims = await Promise.all([1, 2, 3].map(() => store.transition(ref, { type: 'alertClaimed' })));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await store.getHead('c1')).toMatchObject({ stage: STAGES.alerting, alertDue: false });
    await store.transition(ref, { type: 'alertFailed' });
    expect(await store.transition(ref, { type: 'alertClaimed' })).toBe(true);
    expect(await store.transition(ref, { type: 'alertSent', rerender: false })).toBe(true);
    expect(await store.getHead('c1')).toMatchObject({ stage: STAGES.done, alertDue: false });
    expect(await store.transition(ref, { type: 'alertFailed' })).toBe(false);
  });

  it('holds a related list changed during the alert, and marks the alert sent into render exactly once', async () => {
    await store.saveVersion(head('c2', { slug: 'c2' }), 0);
    const ref = { id: 'c2', version: 1 };
    await store.transition(ref, { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
    await store.transition(ref, { type: 'alertClaimed' });
    const related = [{ slug: 'newer', title: 'Newer', section: 'World' }];
    expect(await store.transition(ref, { type: 'relatedChanged', related, revision: 1 })).toBe(false);
    expect(await store.transition(ref, { type: 'relatedHeld', related, revision: 1 })).toBe(true);
    expect(await store.transition(ref, { type: 'alertSent', rerender: false })).toBe(false);
    expect(await store.transition(ref, { type: 'alertSent', rerender: true })).toBe(true);
    expect(await store.getHead('c2')).toMatchObject({ stage: STAGES.render, alertDue: false, relatedPending: false, related });
    expect(await store.transition(ref, { type: 'alertSent', rerender: true })).toBe(false);
  });

  it('refuses pagesRendered over a related list changed since the head was read, and a list older than the one held', async () => {
    await store.saveVersion(head('c4', { slug: 'c4' }), 0);
    const ref = { id: 'c4', version: 1 };
    const read = await store.getHead('c4');
    const related = [{ slug: 'newer', title: 'Newer', section: 'World' }];
    expect(await store.transition(ref, { type: 'relatedChanged', related, revision: 2 })).toBe(true);
    expect(await store.transition(ref, { type: 'relatedChanged', related: [], revision: 1 })).toBe(false);
    expect(await store.transition(ref, { type: 'pagesRendered', alertDue: read!.alertDue, relatedRev: read!.relatedRev ?? 0 })).toBe(false);
    expect(await store.getHead('c4')).toMatchObject({ stage: STAGES.render, related, relatedRev: 2 });
    expect(await store.transition(ref, { type: 'pagesRendered', alertDue: read!.alertDue, relatedRev: 2 })).toBe(true);
  });

  it('marks an alert sent on a head without the relatedPending attribute', async () => {
    await store.saveVersion(head('c3', { slug: 'c3' }), 0);
    const ref = { id: 'c3', version: 1 };
    await store.transition(ref, { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
    await store.transition(ref, { type: 'alertClaimed' });
    expect(await store.transition(ref, { type: 'alertSent', rerender: true })).toBe(false);
    expect(await store.transition(ref, { type: 'alertSent', rerender: false })).toBe(true);
  });

  it('re-announces a head only at the version and consumer stage it was read at, counting the nudges', async () => {
    await store.saveVersion(head('n1', { slug: 'nudge-me' }), 0);
    const at = '2026-12-01T12:00:00.000Z';
    expect(await store.transition({ id: 'n1', version: 1 }, { type: 'nudged', stage: STAGES.notify, at, nudges: 1 })).toBe(false);
    expect(await store.transition({ id: 'n1', version: 2 }, { type: 'nudged', stage: STAGES.render, at, nudges: 1 })).toBe(false);
    expect(await store.transition({ id: 'n1', version: 1 }, { type: 'nudged', stage: STAGES.render, at, nudges: 1 })).toBe(true);
    expect(await store.getHead('n1')).toEqual({ ...slimHead('n1', { slug: 'nudge-me' }), nudgedAt: at, nudges: 1 });
    expect((await store.headBySlug('nudge-me'))?.id).toBe('n1');
    expect(await store.headBySlug('nobody-has-this-slug')).toBeUndefined();
  });

  it('lists unfinished heads, longest waiting first, and leaves finished ones out', async () => {
    const ids = { old: `u-old-${Date.now()}`, young: `u-young-${Date.now()}`, due: `u-due-${Date.now()}`, done: `u-done-${Date.now()}` };
    await store.saveVersion(head(ids.young, { slug: ids.young, stage: STAGES.notify, updatedAt: '2026-11-20T10:00:00.000Z' }), 0);
    await store.saveVersion(head(ids.old, { slug: ids.old, updatedAt: '2026-11-20T09:00:00.000Z' }), 0);
    await store.saveVersion(
      head(ids.due, { slug: ids.due, status: 'scheduled', stage: STAGES.scheduled, publishedAt: '2026-11-20T09:30:00.000Z' }),
      0,
    );
    await store.saveVersion(head(ids.done, { slug: ids.done, stage: STAGES.done, updatedAt: '2026-11-20T08:00:00.000Z' }), 0);
    const listed = (await store.listUnfinished()).map((unfinished) => unfinished.id).filter((id) => id.startsWith('u-'));
    expect(listed).toEqual([ids.old, ids.due, ids.young]);
  });
});
