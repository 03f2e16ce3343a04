import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureArticleTable } from '../../../infra/local/provision';
import { createRelatedIndex } from '../../../shared/adapters/related-index';
import type { IndexedDocument, RelatedIndex } from '../../../shared/ports/related-index';
import type { ScoredLink } from '../../../shared/domain/related';
import { dynamoDbClient } from '../../support/aws-env';

let index: RelatedIndex;
let tableName: string;

/** A document client that records the number of items of each TransactWriteItems it sends. */
function countingClient(written: number[]): DynamoDBDocumentClient {
  const client = DynamoDBDocumentClient.from(dynamoDbClient());
  client.middlewareStack.add(
    (next) => async (args) => {
      const input = args.input as { TransactItems?: unknown[] };
      if (input.TransactItems) written.push(input.TransactItems.length);
      return next(args);
    },
    { step: 'initialize', name: 'countTransactItems' },
  );
  return client;
}

/** A document client that records the name of each low-level command it sends. */
function recordingClient(sent: string[]): DynamoDBDocumentClient {
  const client = DynamoDBDocumentClient.from(dynamoDbClient());
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  return client;
}

function document(
  id: string,
  terms: Record<string, number>,
  overrides: Partial<IndexedDocument> = {},
  publishedAt = '2026-01-01T00:00:00.000Z',
  section = 'World',
): IndexedDocument {
  return {
    article: {
      id,
      slug: `slug-${id}`,
      title: `Title ${id}`,
      section,
      tags: ['t'],
      language: 'en',
      publishedAt,
      status: 'published',
      length: 50,
      query: new Map(Object.keys(terms).map((term) => [term, 1.5])),
      frequencies: new Map(Object.entries(terms)),
      selfScore: 2,
    },
    version: 1,
    listedUnder: Object.keys(terms),
    related: [],
    short: false,
    ...overrides,
  };
}

/** A term unique to one test, so tests sharing the table do not see each other's postings. */
const unique = (label: string) => `${label}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

beforeAll(async () => {
  const raw = dynamoDbClient();
  tableName = `related-index-test-${Date.now()}`;
  await ensureArticleTable(raw, tableName);
  index = createRelatedIndex({ client: DynamoDBDocumentClient.from(raw), tableName });
});

describe('related index on DynamoDB Local', () => {
  it('returns the records listed under a term newest first, up to the limit', async () => {
    const term = unique('chip');
    for (const [i, day] of ['01', '03', '02'].entries()) {
      await index.indexArticle(document(unique(`a${i}`), { [term]: 2 }, {}, `2026-01-${day}T00:00:00.000Z`));
    }
    const found = await index.listed([term], 2);
    expect(found.map((record) => record.publishedAt)).toEqual(['2026-01-03T00:00:00.000Z', '2026-01-02T00:00:00.000Z']);
  });

  it('returns the compact term record an entry carries', async () => {
    const term = unique('export');
    const doc = document(unique('b'), { [term]: 4, other: 1 });
    await index.indexArticle(doc);
    const [found] = await index.listed([term], 10);
    expect(found).toEqual(doc.article);
  });

  it('stores the term record as one string and still reads entries that hold it as a map (written before)', async () => {
    const term = unique('packed');
    const doc = document(unique('p'), { [term]: 3, other: 1 });
    await index.indexArticle(doc);
    const client = DynamoDBDocumentClient.from(dynamoDbClient());
    const Key = { PK: `RELTERM#${term}`, SK: `${doc.article.publishedAt}#${doc.article.id}` };
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key }));
    expect(typeof Item?.t).toBe('string');
    await client.send(new PutCommand({ TableName: tableName, Item: { ...Item, t: { [term]: [3, 1.5], other: [1, 1.5] } } }));
    expect(await index.listed([term], 10)).toEqual([doc.article]);
  });

  it('returns the newest records of a section and of the archive', async () => {
    const section = unique('Science');
    const older = document(unique('s1'), { a: 1 }, {}, '2030-01-01T00:00:00.000Z', section);
    const newer = document(unique('s2'), { a: 1 }, {}, '2030-01-02T00:00:00.000Z', section);
    await index.indexArticle(older);
    await index.indexArticle(newer);
    const found = await index.recent(section.toUpperCase(), 5, 1);
    expect(found.map((record) => record.id)).toEqual([newer.article.id, older.article.id, newer.article.id]);
    expect((await index.recent(section, 5, 0, '2030-01-02T00:00:00.000Z')).map((record) => record.id)).toEqual([newer.article.id]);
  });

  it('writes at most ten items to index an article, in one transaction', async () => {
    const written: number[] = [];
    const counting = createRelatedIndex({ client: countingClient(written), tableName });
    const terms = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [unique(`t${i}`), 1]));
    const doc = document(unique('w'), terms, { listedUnder: Object.keys(terms).slice(0, 5), short: true });
    expect(await counting.indexArticle(doc)).toBe('indexed');
    expect(written).toEqual([3 + 5 + 1]);
  });

  it('indexes the same version only once', async () => {
    const term = unique('retry');
    const doc = document(unique('e'), { [term]: 1 });
    expect(await index.indexArticle(doc)).toBe('indexed');
    expect(await index.indexArticle(doc)).toBe('unchanged');
    expect(await index.listed([term], 10)).toHaveLength(1);
  });

  it('replaces the entries of an earlier version when an article is re-indexed', async () => {
    const [oldTerm, newTerm] = [unique('old'), unique('new')];
    const [oldSection, newSection] = [unique('Old'), unique('New')];
    const id = unique('f');
    await index.indexArticle(document(id, { [oldTerm]: 1 }, { short: true }, '2026-01-01T00:00:00.000Z', oldSection));
    await index.indexArticle(document(id, { [newTerm]: 1 }, { version: 2 }, '2026-01-01T00:00:00.000Z', newSection));
    expect(await index.listed([oldTerm], 10)).toEqual([]);
    expect((await index.listed([newTerm], 10)).map((record) => record.id)).toEqual([id]);
    expect(await index.recent(oldSection, 10, 0)).toEqual([]);
    expect(await index.shortLists(oldSection, 10)).toEqual([]);
    expect((await index.recent(newSection, 10, 0)).map((record) => record.id)).toEqual([id]);
  });

  it('takes a withdrawn article out of every list', async () => {
    const term = unique('gone');
    const section = unique('Gone');
    const id = unique('g');
    await index.indexArticle(document(id, { [term]: 1 }, { short: true }, '2026-01-01T00:00:00.000Z', section));
    expect(await index.removeArticle(id)).toBe(true);
    expect(await index.listed([term], 10)).toEqual([]);
    expect(await index.recent(section, 10, 0)).toEqual([]);
    expect(await index.shortLists(section, 10)).toEqual([]);
    expect(await index.currentRelated([id])).toEqual(new Map());
  });

  it('records a new related list only for the indexed version and over the revision it was computed from, keeping the short-list marker in step', async () => {
    const id = unique('h');
    const section = unique('Short');
    await index.indexArticle(document(id, { [unique('x')]: 1 }, { version: 2, short: true }, '2026-01-01T00:00:00.000Z', section));
    expect((await index.shortLists(section, 10)).map((short) => short.id)).toEqual([id]);
    const related: ScoredLink[] = [{ id: 'o', slug: 'o', title: 'O', section: 'World', score: 0.5 }];
    expect(await index.setRelated({ id, version: 1, revision: 0 }, related, true)).toEqual({
      written: false,
      current: { id, version: 2, revision: 0, related: [] },
    });
    expect(await index.setRelated({ id, version: 2, revision: 0 }, related, true)).toEqual({ written: true });
    expect(await index.setRelated({ id, version: 2, revision: 0 }, [], true)).toMatchObject({ written: false });
    expect((await index.shortLists(section, 10))[0]).toMatchObject({ id, version: 2, revision: 1, related });
    const full = [...related, { id: 'p', slug: 'p', title: 'P', section, score: 0, fill: true as const }];
    expect(await index.setRelated({ id, version: 2, revision: 1 }, full, false)).toEqual({ written: true });
    expect((await index.currentRelated([id])).get(id)).toEqual({ id, version: 2, revision: 2, related: full });
    expect(await index.shortLists(section, 10)).toEqual([]);
  });

  it('refuses a list over a copy another instance has since changed, and indexes a first version once across instances', async () => {
    const id = unique('k');
    const section = unique('Two');
    const doc = document(id, { [unique('y')]: 1 }, { short: true }, '2026-01-01T00:00:00.000Z', section);
    const other = createRelatedIndex({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName });
    expect(await index.indexArticle(doc)).toBe('indexed');
    // The other instance never read this article: its first-version write must not overwrite the stored one.
    expect(await other.indexArticle({ ...doc, related: [{ id: 'z', slug: 'z', title: 'Z', section, score: 1 }] })).toBe('unchanged');
    expect((await index.currentRelated([id])).get(id)?.related).toEqual([]);
    const first: ScoredLink[] = [{ id: 'q', slug: 'q', title: 'Q', section, score: 0.4 }];
    const second: ScoredLink[] = [{ id: 'r', slug: 'r', title: 'R', section, score: 0.3 }];
    // Both instances know revision 0; the other instance moves it on, so this one's remembered copy is stale.
    expect(await other.setRelated({ id, version: 1, revision: 0 }, first, false)).toEqual({ written: true });
    expect(await index.setRelated({ id, version: 1, revision: 0 }, second, true)).toMatchObject({ written: false });
    expect(await index.setRelated({ id, version: 1, revision: 1 }, second, true)).toEqual({ written: true });
    expect((await other.currentRelated([id])).get(id)).toEqual({ id, version: 1, revision: 2, related: second });
    expect((await other.shortLists(section, 10)).map((short) => short.revision)).toEqual([2]);
  });
  it('answers a refused list with the list as stored, from the refused write itself (no read)', async () => {
    const id = unique('m');
    const section = unique('Refused');
    const sent: string[] = [];
    const mine = createRelatedIndex({ client: recordingClient(sent), tableName });
    const other = createRelatedIndex({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName });
    const first: ScoredLink[] = [{ id: 's', slug: 's', title: 'S', section, score: 0.4 }];
    const second: ScoredLink[] = [{ id: 't', slug: 't', title: 'T', section, score: 0.3 }];
    for (const short of [false, true]) {
      const doc = document(unique(`${id}${short}`), { [unique('z')]: 1 }, { short }, '2026-01-01T00:00:00.000Z', section);
      const docId = doc.article.id;
      // This instance writes the first version, so it holds revision 0 and writes over it without reading first.
      expect(await mine.indexArticle(doc)).toBe('indexed');
      expect(await other.setRelated({ id: docId, version: 1, revision: 0 }, first, short)).toEqual({ written: true });
      const write = short ? 'TransactWriteItemsCommand' : 'UpdateItemCommand';
      sent.length = 0;
      // A lone UpdateItem when the list stays long; a transaction with the short-list marker when it is short.
      expect(await mine.setRelated({ id: docId, version: 1, revision: 0 }, second, short)).toEqual({
        written: false,
        current: { id: docId, version: 1, revision: 1, related: first },
      });
      expect(sent).toEqual([write]);
      // The refusal's copy is the stored one: the next write over it needs no read either.
      expect(await mine.setRelated({ id: docId, version: 1, revision: 1 }, second, short)).toEqual({ written: true });
      expect(sent).toEqual([write, write]);
    }
  });

  it('refuses unsent a list over a revision this instance has since moved on, answering its own newer copy', async () => {
    const section = unique('Moved');
    const sent: string[] = [];
    const mine = createRelatedIndex({ client: recordingClient(sent), tableName });
    const doc = document(unique('n'), { [unique('w')]: 1 }, {}, '2026-01-01T00:00:00.000Z', section);
    const id = doc.article.id;
    const first: ScoredLink[] = [{ id: 'u', slug: 'u', title: 'U', section, score: 0.4 }];
    expect(await mine.indexArticle(doc)).toBe('indexed');
    expect(await mine.setRelated({ id, version: 1, revision: 0 }, first, false)).toEqual({ written: true });
    sent.length = 0;
    // Two publishes planned over revision 0; the first one's write moved it to 1.
    expect(await mine.setRelated({ id, version: 1, revision: 0 }, [], false)).toEqual({
      written: false,
      current: { id, version: 1, revision: 1, related: first },
    });
    expect(sent).toEqual([]);
    expect((await mine.currentRelated([id])).get(id)).toEqual({ id, version: 1, revision: 1, related: first });
  });

  it('loads documents in bulk, listed and recent', async () => {
    const term = unique('bulk');
    const section = unique('Bulk');
    const docs = Array.from({ length: 30 }, (_, i) => document(unique(`i${i}`), { [term]: 1 }, {}, '2026-01-01T00:00:00.000Z', section));
    await index.importArticles(docs);
    expect(await index.listed([term], 100)).toHaveLength(30);
    expect(await index.recent(section, 100, 0)).toHaveLength(30);
  });

  it('loads in bulk only the newest entries of each list when given a retention, every record still readable and re-indexable', async () => {
    const term = unique('kept');
    const section = unique('Kept');
    // Dated after every other test's articles, so the archive-wide list starts with these.
    const docs = Array.from({ length: 12 }, (_, i) =>
      document(unique(`k${i}`), { [term]: 1 }, {}, `2099-01-${String(i + 1).padStart(2, '0')}T00:00:00.000Z`, section),
    );
    const ids = docs.map((doc) => doc.article.id);
    const newest = (n: number) => ids.slice(-n).reverse();
    const progress: number[] = [];
    await index.importArticles(docs, { retention: { section: 3, archive: 4, listing: 5 }, onProgress: (done) => progress.push(done) });

    expect(progress.at(-1)).toBe(12);
    expect((await index.listed([term], 100)).map((record) => record.id)).toEqual(newest(5));
    expect((await index.recent(section, 100, 0)).map((record) => record.id)).toEqual(newest(3));
    expect((await index.recent(section, 0, 4)).map((record) => record.id)).toEqual(newest(4));
    expect([...(await index.currentRelated(ids)).keys()].sort()).toEqual([...ids].sort());

    // Withdrawing a newer article leaves the next newest readable; re-indexing an old one lists it again.
    expect(await index.removeArticle(ids[11]!)).toBe(true);
    expect((await index.listed([term], 4)).map((record) => record.id)).toEqual(newest(5).slice(1));
    expect(await index.indexArticle({ ...docs[0]!, version: 2 })).toBe('indexed');
    expect((await index.listed([term], 100)).map((record) => record.id)).toEqual([...newest(5).slice(1), ids[0]]);
    expect(await index.removeArticle(ids[0]!)).toBe(true);
    expect((await index.listed([term], 100)).map((record) => record.id)).toEqual(newest(5).slice(1));
  });
});
