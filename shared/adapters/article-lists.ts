import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import * as z from '../../events/zod';
import { articleImageSchema, articleSchema } from '../domain/article-schema';
import { keys as itemKeys, summarySchema } from './article-item';
import { archivePageRange, frontFloor, listId, listsOf, parseListId, sameListing, type ArticleListing, type ListedArticle } from '../domain/render';
import type { ArticleLists, BulkArticleLists, ListingChangeRequest, ListingsUpdate, ListingUpdate, ListRevision } from '../ports/article-lists';
import { isConditionFailure } from './condition-failure';
import { batchGetAll, batchWriteAll, type BatchWriteRequest } from './dynamodb-batches';

/** Options of {@link createArticleLists}. */
export interface ArticleListsOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const ORDINAL_DIGITS = 10;
const keys = {
  list: (id: string) => `LIST#${id}`,
  counter: 'COUNT',
  entry: (ordinal: number) => `E#${String(ordinal).padStart(ORDINAL_DIGITS, '0')}`,
  entryPrefix: 'E#',
  article: itemKeys.article,
  listing: 'LISTING',
  months: 'LISTS#month',
} as const;

const listedSchema = z.extend(summarySchema, {
  takeaways: articleSchema.shape.takeaways,
  breaking: z.optional(articleSchema.shape.breaking),
  // A listed image always has a file to show.
  image: z.optional(z.extend(z.pick(articleImageSchema, { alt: true, width: true, height: true }), { src: z.string() })),
});
const entrySchema = z.extend(listedSchema, { ordinal: z.int().check(z.positive()) });
const counterSchema = z.object({ count: z.optional(z.int().check(z.nonnegative())), rev: z.optional(z.int().check(z.nonnegative())) });
const listingSchema = z.object({ article: listedSchema, ordinals: z.record(z.string(), z.int().check(z.positive())) });

/** Adds `count` to a list's counter in one atomic update (handing out that many ordinals); returns the list's new total. */
async function addToCounter({ client, tableName }: ArticleListsOptions, id: string, count: number): Promise<number> {
  const { Attributes } = await client.send(
    new UpdateCommand({
      TableName: tableName,
      Key: { PK: keys.list(id), SK: keys.counter },
      UpdateExpression: 'ADD #count :n',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':n': count },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return z.int().check(z.positive()).parse(Attributes?.count);
}

/** Raises each list's revision by one (after its entries are written, so a render that reads it after sees them). */
async function raiseRevisions({ client, tableName }: ArticleListsOptions, ids: ReadonlySet<string>): Promise<void> {
  await Promise.all(
    [...ids].map((id) =>
      client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: keys.list(id), SK: keys.counter },
          UpdateExpression: 'ADD #rev :one',
          ExpressionAttributeNames: { '#rev': 'rev' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      ),
    ),
  );
}

/** Lists' counter items (revision and total; 0 and 0 for a list never changed), in BatchGetItem requests. */
async function readCounters(
  { client, tableName }: ArticleListsOptions,
  ids: readonly string[],
  concurrency: number,
  consistentRead: boolean,
): Promise<Map<string, ListRevision>> {
  const revs = new Map<string, ListRevision>(ids.map((id) => [id, { revision: 0, total: 0 }]));
  const keysOf = [...revs.keys()].map((id) => ({ PK: keys.list(id), SK: keys.counter }));
  for (const item of await batchGetAll(client, tableName, keysOf, concurrency, consistentRead)) {
    const { rev, count } = counterSchema.parse(item);
    revs.set(String(item.PK).slice(keys.list('').length), { revision: rev ?? 0, total: count ?? 0 });
  }
  return revs;
}

/** Creates the list read model adapter. Key formats stay inside this adapter. */
export function createArticleLists({ client, tableName }: ArticleListsOptions): ArticleLists {
  async function query(input: Omit<QueryCommandInput, 'TableName'>, max = Infinity): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await client.send(new QueryCommand({ TableName: tableName, ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start && items.length < max);
    return items.slice(0, max);
  }

  const entries = (items: Record<string, unknown>[]) => items.map((item) => entrySchema.parse(item));

  async function total(id: string): Promise<number> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.list(id), SK: keys.counter }, ConsistentRead: true }));
    return typeof Item?.count === 'number' ? Item.count : 0;
  }

  /** Hands out `count` new ordinals of a list at once; returns the last (the list's new total). */
  async function allocate(id: string, count = 1): Promise<number> {
    const total = await addToCounter({ client, tableName }, id, count);
    if (id.startsWith('month/') && total - count < 1) await recordMonth(id);
    return total;
  }

  async function recordMonth(list: string): Promise<void> {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { PK: keys.months, SK: parseListId(list).slug },
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'month' },
        ExpressionAttributeValues: { ':n': parseListId(list).slug },
      }),
    );
  }

  /** Several lists' totals in one consistent BatchGet (up to 100 keys a request). */
  async function totalsOf(ids: readonly string[]): Promise<Record<string, number>> {
    return Object.fromEntries([...(await revisions(ids))].map(([id, { total }]) => [id, total]));
  }

  const revisions = (ids: readonly string[]) => readCounters({ client, tableName }, ids, 1, true);

  /**
   * Writes an article's entries and listing in one transaction, only while its head is at `version` when one is
   * given; a no-op when nothing changed. Refused (the head moved on), the listing stays as `previous`.
   */
  async function writeListing(
    { id, next, previous, version }: ListingChangeRequest,
    ordinals: Record<string, number>,
  ): Promise<{ listing: ArticleListing | undefined; left: string[]; changed: boolean; refused?: true }> {
    const before = previous?.ordinals ?? {};
    const listing = next ? { article: next, ordinals } : undefined;
    const left = Object.keys(before).filter((list) => ordinals[list] === undefined);
    if (sameListing(listing, previous)) return { listing, left, changed: false };
    const headCheck =
      version === undefined
        ? []
        : [
            {
              ConditionCheck: {
                TableName: tableName,
                Key: { PK: keys.article(id), SK: itemKeys.head },
                ConditionExpression: '#version = :version',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':version': version },
              },
            },
          ];
    const transactItems = [
      ...headCheck,
      ...Object.entries(ordinals).map(([list, ordinal]) => ({
        Put: { TableName: tableName, Item: { PK: keys.list(list), SK: keys.entry(ordinal), ...next, ordinal } },
      })),
      ...left.map((list) => ({
        Delete: { TableName: tableName, Key: { PK: keys.list(list), SK: keys.entry(before[list] ?? 0) } },
      })),
      listing
        ? { Put: { TableName: tableName, Item: { PK: keys.article(id), SK: keys.listing, ...listing } } }
        : { Delete: { TableName: tableName, Key: { PK: keys.article(id), SK: keys.listing } } },
    ];
    try {
      await client.send(new TransactWriteCommand({ TransactItems: transactItems }));
    } catch (error) {
      // Only the head check carries a condition, so a conditional failure is the head having moved on.
      if (headCheck.length > 0 && isConditionFailure(error)) return { listing: previous, left: [], changed: false, refused: true };
      throw error;
    }
    return { listing, left, changed: true };
  }

  async function updateListings(changes: readonly ListingChangeRequest[]): Promise<ListingsUpdate> {
    // Which articles need a new ordinal in which list, in the batch's order.
    const ordinals = new Map<string, Record<string, number>>();
    const wanting = new Map<string, string[]>();
    for (const { id, next, previous } of changes) {
      const kept: Record<string, number> = {};
      for (const list of next ? listsOf(next).map(listId) : []) {
        const ordinal = previous?.ordinals[list];
        if (ordinal !== undefined) kept[list] = ordinal;
        else wanting.set(list, [...(wanting.get(list) ?? []), id]);
      }
      ordinals.set(id, kept);
    }
    const totals: Record<string, number> = {};
    await Promise.all(
      [...wanting].map(async ([list, ids]) => {
        const last = await allocate(list, ids.length);
        totals[list] = last;
        ids.forEach((id, index) => {
          const own = ordinals.get(id);
          if (own) own[list] = last - ids.length + 1 + index;
        });
      }),
    );
    const written = await Promise.all(
      changes.map(async (change) => {
        const outcome = await writeListing(change, ordinals.get(change.id) ?? {});
        // A refused article's new ordinals stay unused (a gap, as a removal leaves); it is on the lists it was on.
        if (outcome.refused) ordinals.set(change.id, { ...change.previous?.ordinals });
        return { id: change.id, ...outcome };
      }),
    );
    await raiseRevisions(
      { client, tableName },
      new Set(written.flatMap(({ id, left, changed }) => (changed ? [...Object.keys(ordinals.get(id) ?? {}), ...left] : []))),
    );
    const others = [...new Set(written.flatMap(({ id, left }) => [...Object.keys(ordinals.get(id) ?? {}), ...left]))].filter(
      (list) => totals[list] === undefined,
    );
    Object.assign(totals, await totalsOf(others));
    const updates = new Map<string, ListingUpdate>();
    for (const { id, listing, left } of written) {
      const own = ordinals.get(id) ?? {};
      const before = changes.find((change) => change.id === id)?.previous?.ordinals ?? {};
      const mine: Record<string, number> = {};
      // As one by one: a new ordinal's list total is that ordinal; any other list's is the batch's total.
      for (const list of [...Object.keys(own), ...left])
        mine[list] = before[list] === undefined && own[list] !== undefined ? own[list] : (totals[list] ?? 0);
      updates.set(id, { listing, totals: mine });
    }
    return { updates, totals };
  }

  function range(id: string, from: number, to: number, limit?: number) {
    return query(
      {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': keys.list(id), ':from': keys.entry(from), ':to': keys.entry(to) },
        ScanIndexForward: false,
        ConsistentRead: true,
        Limit: limit,
      },
      limit,
    ).then(entries);
  }

  async function getListing(id: string): Promise<ArticleListing | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { PK: keys.article(id), SK: keys.listing }, ConsistentRead: true }),
    );
    return Item ? listingSchema.parse(Item) : undefined;
  }

  async function getListings(ids: readonly string[]): Promise<Map<string, ArticleListing>> {
    const keyOf = (id: string) => ({ PK: keys.article(id), SK: keys.listing });
    const items = await batchGetAll(client, tableName, [...new Set(ids)].map(keyOf), 1, true);
    return new Map(items.map((item) => listingSchema.parse(item)).map((listing) => [listing.article.id, listing]));
  }

  async function updateListing(id: string, next: ListedArticle | undefined, previous: ArticleListing | undefined): Promise<ListingUpdate> {
    const { updates } = await updateListings([{ id, next, previous }]);
    return updates.get(id) ?? { listing: undefined, totals: {} };
  }

  return {
    getListing,
    getListings,
    updateListing,
    updateListings,
    revisions,
    total,
    front: (id, count) => range(id, frontFloor(count) + 1, count),
    archivePage: (id, page) => {
      const [from, to] = archivePageRange(page);
      return range(id, from, to);
    },
    latest: (id, limit) =>
      query(
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': keys.list(id), ':prefix': keys.entryPrefix },
          ScanIndexForward: false,
          ConsistentRead: true,
          Limit: limit,
        },
        limit,
      ).then(entries),
    all: (id) =>
      query({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.list(id), ':prefix': keys.entryPrefix },
        ScanIndexForward: false,
      }).then(entries),
    months: async () =>
      (await query({ KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': keys.months } })).map((item) =>
        z.string().parse(item.SK),
      ),
  };
}

/** Options of {@link createBulkArticleLists}. */
export interface BulkArticleListsOptions extends ArticleListsOptions {
  /** Requests in flight. @default 8 */
  readonly concurrency?: number;
}

/** Creates the bulk side of the list read model (same items and keys as {@link createArticleLists}), for whole-site rebuilds. */
export function createBulkArticleLists({ client, tableName, concurrency = 8 }: BulkArticleListsOptions): BulkArticleLists {
  async function inParallel<T>(inputs: readonly T[], work: (input: T) => Promise<void>): Promise<void> {
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, inputs.length) }, async () => {
        while (next < inputs.length) await work(inputs[next++] as T);
      }),
    );
  }

  return {
    async listings(ids) {
      const items = await batchGetAll(
        client,
        tableName,
        ids.map((id) => ({ PK: keys.article(id), SK: keys.listing })),
        concurrency,
      );
      return new Map(items.map((item) => [String(item.PK).slice(keys.article('').length), listingSchema.parse(item)]));
    },
    async reserveOrdinals(counts) {
      const first = new Map<string, number>();
      await inParallel([...counts], async ([id, count]) => {
        first.set(id, (await addToCounter({ client, tableName }, id, count)) - count + 1);
      });
      return first;
    },
    async totals(listIds) {
      const counters = await readCounters({ client, tableName }, listIds, concurrency, false);
      return new Map([...counters].map(([id, { total }]) => [id, total]));
    },
    months: async () => {
      const months: string[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.months },
            ExclusiveStartKey: start,
          }),
        );
        months.push(...(page.Items ?? []).map((item) => z.string().parse(item.SK)));
        start = page.LastEvaluatedKey;
      } while (start);
      return months;
    },
    async writeListings(changes, onProgress) {
      const requests: BatchWriteRequest[] = [];
      const months = new Set<string>();
      for (const { id, listing, previous } of changes) {
        for (const [list, ordinal] of Object.entries(listing.ordinals)) {
          requests.push({ PutRequest: { Item: { PK: keys.list(list), SK: keys.entry(ordinal), ...listing.article, ordinal } } });
          if (list.startsWith('month/') && previous?.ordinals[list] === undefined) months.add(parseListId(list).slug);
        }
        for (const [list, ordinal] of Object.entries(previous?.ordinals ?? {}))
          if (listing.ordinals[list] === undefined) requests.push({ DeleteRequest: { Key: { PK: keys.list(list), SK: keys.entry(ordinal) } } });
        requests.push({ PutRequest: { Item: { PK: keys.article(id), SK: keys.listing, ...listing } } });
      }
      for (const month of months) requests.push({ PutRequest: { Item: { PK: keys.months, SK: month, month } } });
      await batchWriteAll(client, tableName, requests, concurrency, (done, total) =>
        onProgress?.(Math.floor((changes.length * done) / total), changes.length),
      );
      const changed = new Set(
        changes.flatMap(({ listing, previous }) => [...Object.keys(listing.ordinals), ...Object.keys(previous?.ordinals ?? {})]),
      );
      await raiseRevisions({ client, tableName }, changed);
    },
  };
}

/** The archive reader lives in its own module; re-exported for the rebuild's callers. */
export { createArchiveReader } from './archive-reader';
