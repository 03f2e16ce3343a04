import { ConditionalCheckFailedException, TransactionCanceledException, TransactionConflictException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from '../../events/zod';
import { batchPutAll } from './dynamodb-batches';
import { articleSchema } from './article-item';
// Not through '../domain/related': that index would bring term extraction and its Markdown parser into every bundle.
import { retainNewest, type RetainedEntries } from '../domain/related/bulk-retention';
import type { CurrentRelated, IndexedArticle, ScoredLink } from '../domain/related';
import type { IndexedDocument, ImportOptions, RelatedIndex, SetRelatedResult, ShortList } from '../ports/related-index';

/** Key formats of the related-articles index, on the article table's base keys. They never leave this adapter. */
const keys = {
  document: (id: string) => `RELATED#${id}`,
  documentSort: 'DOC',
  section: (section: string) => `RELSECTION#${sectionKey(section)}`,
  recent: 'RELRECENT',
  listing: (term: string) => `RELTERM#${term}`,
  short: 'RELSHORT',
  shortSort: (section: string, publishedAt: string, id: string) => `${sectionKey(section)}#${publishedAt}#${id}`,
  entry: (publishedAt: string, id: string) => `${publishedAt}#${id}`,
} as const;

function sectionKey(section: string): string {
  return encodeURIComponent(section.toLowerCase());
}

/** Options of {@link createRelatedIndex}. */
export interface RelatedIndexOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

// Schemas are immutable, so the fields share one instance of each kind: each one built is work at every cold start.
const text = z.string();
const num = z.number();
const revision = z._default(num, 0);

const scoredLinkSchema = z.object({
  id: text,
  slug: text,
  title: text,
  section: text,
  score: num,
  fill: z.optional(z.literal(true)),
});

/** A query term's [frequency, query weight], by term. */
const termsSchema = z.record(text, z.tuple([num, num]));

/**
 * The compact term record every entry of an article carries. `t` holds each query term's [frequency, query weight]
 * as one JSON string (`{"term":[f,w],…}`): DynamoDB Local reads and writes a single string attribute several times
 * faster than a map of 30 lists of numbers (a Query of 60 entries: ~3 ms of its CPU instead of ~15), and the SDK
 * unmarshals it faster too. Entries written before held the map itself; both are read.
 */
const recordSchema = z.object({
  ...z.pick(articleSchema, { id: true, slug: true, title: true, section: true, tags: true, language: true, publishedAt: true, status: true }).shape,
  len: num,
  t: z.union([text, termsSchema]),
  self: num,
});

const documentSchema = z.object({
  ...recordSchema.shape,
  version: num,
  listed: z.array(text),
  related: z.array(scoredLinkSchema),
  short: z.boolean(),
  rev: revision,
});

const shortSchema = z.object({ ...recordSchema.shape, version: num, rev: revision, related: z.array(scoredLinkSchema) });

/** DynamoDB's limit on actions per transaction. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_BATCH_GET = 100;
/** Most records a recency or listing Query returns; a record is ~1 KB (capped terms), so a page stays under DynamoDB's 1 MB. */
const MAX_QUERY_LIMIT = 500;
/** Documents per chunk of a bulk import: their entries are written before their records. */
const IMPORT_CHUNK = 250;
const CONFLICT_RETRIES = 5;
/** Documents remembered per adapter instance (see `known`). */
const KNOWN_DOCUMENTS = 2000;

type StoredDocument = z.infer<typeof documentSchema>;

/** Creates the DynamoDB related-articles index. Key formats stay inside this adapter. */
export function createRelatedIndex({ client, tableName }: RelatedIndexOptions): RelatedIndex {
  /**
   * The documents this instance last read or wrote, by id. A document's content is fixed by its version and list
   * revision (every write bumps one), and each write is conditional on both, so a remembered copy with the
   * version and revision a caller names is the stored one whenever the write succeeds: `setRelated` reads only
   * when it has none (one Get per neighbour update saved in a burst). Versions and revisions only grow, so a
   * remembered copy newer than the caller's means the write would be refused: `setRelated` refuses it unsent and
   * answers that copy, over which the caller plans again (a concurrent publish of this instance moved the list on).
   */
  const known = new Map<string, StoredDocument>();
  const remember = (document: StoredDocument) => {
    known.delete(document.id);
    known.set(document.id, document);
    if (known.size > KNOWN_DOCUMENTS) known.delete(known.keys().next().value as string);
  };
  async function batchGet(keyList: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let start = 0; start < keyList.length; start += MAX_BATCH_GET) {
      let pending: Record<string, unknown>[] | undefined = keyList.slice(start, start + MAX_BATCH_GET);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const response: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        items.push(...(response.Responses?.[tableName] ?? []));
        pending = response.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return items;
  }

  /** The newest `limit` items of a partition: those whose sort key starts with `sortPrefix`, or is at least `from`. */
  async function queryNewest(pk: string, limit: number, sortPrefix?: string, from?: string): Promise<Record<string, unknown>[]> {
    if (limit <= 0) return [];
    const condition = sortPrefix !== undefined ? ' AND begins_with(SK, :prefix)' : from !== undefined ? ' AND SK >= :from' : '';
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: `PK = :pk${condition}`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(sortPrefix === undefined ? {} : { ':prefix': sortPrefix }),
          ...(from === undefined || sortPrefix !== undefined ? {} : { ':from': from }),
        },
        ScanIndexForward: false,
        Limit: Math.min(limit, MAX_QUERY_LIMIT),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return Items;
  }

  async function recent(section: string, sectionLimit: number, archiveLimit: number, since?: string): Promise<IndexedArticle[]> {
    const [own, archive] = await Promise.all([
      queryNewest(keys.section(section), sectionLimit, undefined, since),
      queryNewest(keys.recent, archiveLimit, undefined, since),
    ]);
    return [...own, ...archive].map((item) => recordFromItem(recordSchema.parse(item)));
  }

  async function listed(terms: readonly string[], perTermLimit: number): Promise<IndexedArticle[]> {
    const lists = await Promise.all([...new Set(terms)].map((term) => queryNewest(keys.listing(term), perTermLimit)));
    return lists.flat().map((item) => recordFromItem(recordSchema.parse(item)));
  }

  async function currentRelated(ids: readonly string[]): Promise<Map<string, CurrentRelated>> {
    const items = await batchGet([...new Set(ids)].map((id) => ({ PK: keys.document(id), SK: keys.documentSort })));
    const out = new Map<string, CurrentRelated>();
    for (const item of items) {
      const document = documentSchema.parse(item);
      remember(document);
      out.set(document.id, currentOf(document));
    }
    return out;
  }

  async function shortLists(section: string | undefined, limit: number): Promise<ShortList[]> {
    const items = await queryNewest(keys.short, limit, section === undefined ? undefined : `${sectionKey(section)}#`);
    return items.map((item) => {
      const { version, rev, related, ...record } = shortSchema.parse(item);
      return { id: record.id, version, revision: rev, related, article: recordFromItem(record) };
    });
  }

  async function readDocument(id: string) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: keys.document(id), SK: keys.documentSort },
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    const document = Item ? documentSchema.parse(Item) : undefined;
    if (document) remember(document);
    else known.delete(id);
    return document;
  }

  /**
   * Runs a transaction, retrying on conflicts with a concurrent write of the same article. A refusal (a condition
   * failed) carries the stored item that failed it when the action asked for it (`ReturnValuesOnConditionCheckFailure`).
   * A lone update goes as a conditional UpdateItem: as atomic, at half the write units of a transaction.
   */
  async function transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ): Promise<true | { readonly refused: Record<string, unknown> | undefined }> {
    const lone = items.length === 1 ? items[0]?.Update : undefined;
    for (let attempt = 0; lone; attempt++) {
      try {
        await client.send(new UpdateCommand({ ...lone, ReturnConsumedCapacity: 'TOTAL' }));
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return { refused: error.Item && unmarshall(error.Item) };
        // A transaction of another publish holds the item (the SDK does not retry this one).
        if (!(error instanceof TransactionConflictException) || attempt >= CONFLICT_RETRIES) throw error;
        await backoff(attempt + 1);
      }
    }
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new RelatedIndexLimitError(`A related-index write needs ${items.length} actions; the limit is ${MAX_TRANSACTION_ITEMS}.`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        const failed = reasons.find((reason) => reason.Code === 'ConditionalCheckFailed');
        if (failed) return { refused: failed.Item && unmarshall(failed.Item) };
        const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
        if (!conflict || attempt >= CONFLICT_RETRIES) throw error;
        await backoff(attempt + 1);
      }
    }
  }

  const versionIs = (version: number) => ({
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': version },
  });

  async function indexArticle(document: IndexedDocument): Promise<'indexed' | 'unchanged'> {
    const items = documentItems(document);
    // A first version has no earlier entries to replace, and any stored document of it is this version or a later
    // one (unchanged either way): it is written without reading, on the condition that none is stored.
    const first = document.version === 1 && !known.has(document.article.id);
    const previous = first ? undefined : await readDocument(document.article.id);
    if (previous && previous.version >= document.version) return 'unchanged';
    const kept = new Set(items.map(itemKey));
    const stale = previous ? previousKeys(previous).filter((key) => !kept.has(`${key.PK}|${key.SK}`)) : [];
    const outcome = await transact([
      {
        Put: {
          TableName: tableName,
          Item: items[0]!,
          ...(previous ? versionIs(previous.version) : { ConditionExpression: 'attribute_not_exists(PK)' }),
        },
      },
      ...items.slice(1).map((Item) => ({ Put: { TableName: tableName, Item } })),
      ...stale.map((Key) => ({ Delete: { TableName: tableName, Key } })),
    ]);
    const written = outcome === true;
    if (written) remember(documentSchema.parse(items[0]));
    else known.delete(document.article.id);
    return written ? 'indexed' : 'unchanged';
  }

  async function setRelated(
    { id, version, revision }: { readonly id: string; readonly version: number; readonly revision: number },
    related: readonly ScoredLink[],
    short: boolean,
  ): Promise<SetRelatedResult> {
    const remembered = known.get(id);
    // A list this instance has since written or read over the caller's revision: a write would be refused, so it is not sent.
    if (remembered && (remembered.version > version || (remembered.version === version && remembered.rev > revision))) {
      return { written: false, current: currentOf(remembered) };
    }
    const indexed = remembered?.version === version && remembered.rev === revision ? remembered : await readDocument(id);
    if (!indexed) return { written: false };
    if (indexed.version !== version || indexed.rev !== revision) return { written: false, current: currentOf(indexed) };
    const shortKey = { PK: keys.short, SK: keys.shortSort(indexed.section, indexed.publishedAt, indexed.id) };
    const { version: _, listed: __, related: ___, short: ____, rev: _____, ...record } = indexed;
    const links = related.map(plainLink);
    const written = await transact([
      {
        Update: {
          TableName: tableName,
          Key: { PK: keys.document(id), SK: keys.documentSort },
          UpdateExpression: 'SET related = :related, #short = :short, rev = :next',
          ConditionExpression: '#version = :version AND (rev = :rev OR (attribute_not_exists(rev) AND :rev = :zero))',
          // A refusal answers the list as it now is, so the caller plans again without reading it.
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          ExpressionAttributeNames: { '#version': 'version', '#short': 'short' },
          ExpressionAttributeValues: {
            ':related': links,
            ':short': short,
            ':version': version,
            ':rev': revision,
            ':next': revision + 1,
            ':zero': 0,
          },
        },
      },
      ...(short
        ? [{ Put: { TableName: tableName, Item: { ...record, ...shortKey, version, rev: revision + 1, related: links } } }]
        : indexed.short
          ? [{ Delete: { TableName: tableName, Key: shortKey } }]
          : []),
    ]);
    if (written === true) {
      remember({ ...indexed, related: links, short, rev: revision + 1 });
      return { written: true };
    }
    const stored = written.refused && documentSchema.safeParse(written.refused);
    if (!stored?.success) {
      known.delete(id);
      return { written: false };
    }
    remember(stored.data);
    return { written: false, current: currentOf(stored.data) };
  }

  async function removeArticle(id: string): Promise<boolean> {
    const indexed = await readDocument(id);
    if (!indexed) return false;
    const [documentKey, ...rest] = previousKeys(indexed);
    known.delete(id);
    const removed = await transact([
      { Delete: { TableName: tableName, Key: documentKey!, ...versionIs(indexed.version) } },
      ...rest.map((Key) => ({ Delete: { TableName: tableName, Key } })),
    ]);
    return removed === true;
  }

  async function importArticles(documents: readonly IndexedDocument[], options: ImportOptions = {}): Promise<void> {
    const concurrency = options.concurrency ?? 8;
    const retained = options.retention ? retainNewest(documents, options.retention) : undefined;
    for (let start = 0; start < documents.length; start += IMPORT_CHUNK) {
      if (options.stopRequested?.()) return;
      const chunk = documents.slice(start, start + IMPORT_CHUNK).map((document) => documentItems(document, retained?.get(document.article.id)));
      await batchPutAll(
        client,
        tableName,
        chunk.flatMap((items) => items.slice(1)),
        concurrency,
      );
      await batchPutAll(
        client,
        tableName,
        chunk.map((items) => items[0]!),
        concurrency,
      );
      options.onProgress?.(Math.min(documents.length, start + IMPORT_CHUNK), documents.length);
    }
  }

  return { recent, listed, currentRelated, shortLists, indexArticle, setRelated, removeArticle, importArticles };
}

/** Thrown when a configuration would make one index write exceed DynamoDB's transaction limit. */
export class RelatedIndexLimitError extends Error {
  override readonly name = 'RelatedIndexLimitError';
}

function currentOf(document: StoredDocument): CurrentRelated {
  return { id: document.id, version: document.version, revision: document.rev, related: document.related };
}

function plainLink({ id, slug, title, section, score, fill }: ScoredLink): ScoredLink {
  return fill ? { id, slug, title, section, score, fill } : { id, slug, title, section, score };
}

type RecordFields = z.infer<typeof recordSchema>;

function recordFields(article: IndexedArticle): RecordFields {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    section: article.section,
    tags: [...article.tags],
    language: article.language,
    publishedAt: article.publishedAt,
    status: article.status,
    len: article.length,
    t: JSON.stringify(Object.fromEntries([...article.query].map(([term, weight]) => [term, [article.frequencies.get(term) ?? 0, weight]]))),
    self: article.selfScore,
  };
}

function recordFromItem({ len, t, self, ...article }: RecordFields): IndexedArticle {
  const entries = Object.entries(typeof t === 'string' ? termsSchema.parse(JSON.parse(t)) : t);
  return {
    ...article,
    length: len,
    query: new Map(entries.map(([term, [, weight]]) => [term, weight])),
    frequencies: new Map(entries.map(([term, [frequency]]) => [term, frequency])),
    selfScore: self,
  };
}

/**
 * The items one document is stored as, its record first: record, section and
 * archive recency entries, listings, short marker; `retained` leaves out the
 * entries a bulk load does not write (the record lists only the listings
 * written, so a later version or a removal deletes exactly those).
 */
function documentItems({ article, version, listedUnder, related, short }: IndexedDocument, retained?: RetainedEntries): Record<string, unknown>[] {
  const record = recordFields(article);
  const listed = [...new Set(retained ? retained.listedUnder : listedUnder)];
  const entrySort = keys.entry(article.publishedAt, article.id);
  const links = related.map(plainLink);
  return [
    { PK: keys.document(article.id), SK: keys.documentSort, ...record, version, listed, related: links, short, rev: 0 },
    ...(retained?.section === false ? [] : [{ PK: keys.section(article.section), SK: entrySort, ...record }]),
    ...(retained?.archive === false ? [] : [{ PK: keys.recent, SK: entrySort, ...record }]),
    ...listed.map((term) => ({ PK: keys.listing(term), SK: entrySort, ...record })),
    ...(short
      ? [{ PK: keys.short, SK: keys.shortSort(article.section, article.publishedAt, article.id), ...record, version, rev: 0, related: links }]
      : []),
  ];
}

/** The keys of every item an indexed document was stored as, its record first. */
function previousKeys(indexed: StoredDocument): { PK: string; SK: string }[] {
  const entrySort = keys.entry(indexed.publishedAt, indexed.id);
  return [
    { PK: keys.document(indexed.id), SK: keys.documentSort },
    { PK: keys.section(indexed.section), SK: entrySort },
    { PK: keys.recent, SK: entrySort },
    ...indexed.listed.map((term) => ({ PK: keys.listing(term), SK: entrySort })),
    ...(indexed.short ? [{ PK: keys.short, SK: keys.shortSort(indexed.section, indexed.publishedAt, indexed.id) }] : []),
  ];
}

const itemKey = (item: Record<string, unknown>) => `${item.PK}|${item.SK}`;

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
}
