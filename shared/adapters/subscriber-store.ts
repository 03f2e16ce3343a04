import { isConditionFailure } from './condition-failure';
import {
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { SUBSCRIBER_INDEXES } from '../../events/subscriber-names';
import { readerInterestKeys, type ReaderPreferences } from '../domain/subscriptions/interests';

/** Where a reader stands. Only `active` readers are listed under their interests. */
export type ReaderStatus = 'pending' | 'active' | 'paused' | 'suppressed';

/** A reader as stored: the address, what they follow and their status; nothing else. */
export interface Reader extends ReaderPreferences {
  readonly id: string;
  readonly email: string;
  readonly status: ReaderStatus;
  readonly createdAt: string;
  readonly confirmedAt?: string;
  /** Why the address is suppressed (a bounce or complaint reported by SES). */
  readonly suppressedReason?: string;
}

/** One recipient found under an interest partition. */
export interface Recipient {
  readonly id: string;
  readonly email: string;
}

/** The subscriber table. */
export interface SubscriberStore {
  get(id: string): Promise<Reader | undefined>;
  /**
   * Creates a pending reader, or updates a pending one's preferences.
   * @returns the stored reader; an active, paused or suppressed reader is returned unchanged.
   */
  upsertPending(reader: Omit<Reader, 'status' | 'createdAt'>, now: Date): Promise<Reader>;
  /** pending or paused → active, listing the reader under their interests. @returns false when there is no such reader or it is suppressed. */
  activate(id: string, now: Date): Promise<boolean>;
  /** Replaces what an active or paused reader follows (and re-lists an active one). @returns false when there is no such reader. */
  updatePreferences(id: string, preferences: ReaderPreferences): Promise<boolean>;
  /** active → paused: unlisted, kept. */
  pause(id: string): Promise<boolean>;
  /** Deletes the reader and every interest item. @returns false when there was none. */
  remove(id: string): Promise<boolean>;
  /** Marks an address undeliverable (bounce, complaint): unlisted, kept so no mail goes there again. */
  suppress(id: string, email: string, reason: string, now: Date): Promise<void>;
  /** One page of the active recipients under an interest partition, in id order. */
  pageInterest(key: string, cursor?: Record<string, unknown>): Promise<{ recipients: Recipient[]; next?: Record<string, unknown> }>;
  /** Writes confirmed readers in bulk (imports and benchmarks), 25 items per request. */
  importActive(readers: ReadonlyArray<Omit<Reader, 'status' | 'createdAt'>>, now: Date): Promise<void>;
  /** Every reader (for `newsroom subscribers`), page by page. */
  scan(): AsyncGenerator<Reader>;
}

/** Options of {@link createSubscriberStore}. */
export interface SubscriberStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const PROFILE = 'PROFILE';
const readerKey = (id: string) => ({ PK: `READER#${id}`, SK: PROFILE });
const interestSortKey = (key: string) => `INTEREST#${key}`;
const index = SUBSCRIBER_INDEXES.byInterest;

function readerFromItem(item: Record<string, unknown>): Reader {
  return {
    id: String(item.id),
    email: String(item.email),
    status: item.status as ReaderStatus,
    sections: (item.sections as string[] | undefined) ?? [],
    tags: (item.tags as string[] | undefined) ?? [],
    breakingOnly: item.breakingOnly === true,
    createdAt: String(item.createdAt),
    ...(typeof item.confirmedAt === 'string' ? { confirmedAt: item.confirmedAt } : {}),
    ...(typeof item.suppressedReason === 'string' ? { suppressedReason: item.suppressedReason } : {}),
  };
}

/** Creates the subscriber store over one table (keys `PK`/`SK`, sparse interest index `GSI1`). */
export function createSubscriberStore({ client, tableName }: SubscriberStoreOptions): SubscriberStore {
  const get = async (id: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: readerKey(id), ConsistentRead: true }));
    return Item ? readerFromItem(Item) : undefined;
  };
  const interestPuts = (reader: Pick<Reader, 'id' | 'email'> & ReaderPreferences) =>
    readerInterestKeys(reader).map((key) => ({
      Put: {
        TableName: tableName,
        Item: { PK: `READER#${reader.id}`, SK: interestSortKey(key), [index.partitionKey]: key, [index.sortKey]: reader.id, email: reader.email },
      },
    }));
  const interestDeletes = (reader: Pick<Reader, 'id'> & ReaderPreferences) =>
    readerInterestKeys(reader).map((key) => ({ Delete: { TableName: tableName, Key: { PK: `READER#${reader.id}`, SK: interestSortKey(key) } } }));
  /** Runs a transaction guarded by the reader's status; false when the guard fails. */
  const guarded = async (items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>) => {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  };
  // Deletes then puts of the same key cannot share a transaction: keep only the put for keys in both.
  const replaceInterests = (before: Reader, after: Pick<Reader, 'id' | 'email'> & ReaderPreferences) => {
    const puts = interestPuts(after);
    const kept = new Set(puts.map((p) => p.Put.Item.SK));
    return [...interestDeletes(before).filter((d) => !kept.has(d.Delete.Key.SK)), ...puts];
  };

  return {
    get,
    async upsertPending(reader, now) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: readerKey(reader.id),
            UpdateExpression:
              'SET id = :id, email = :email, #status = :pending, sections = :sections, tags = :tags, breakingOnly = :breakingOnly, createdAt = if_not_exists(createdAt, :now)',
            ConditionExpression: 'attribute_not_exists(PK) OR #status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':id': reader.id,
              ':email': reader.email,
              ':pending': 'pending',
              ':sections': [...reader.sections],
              ':tags': [...reader.tags],
              ':breakingOnly': reader.breakingOnly,
              ':now': now.toISOString(),
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      const stored = await get(reader.id);
      if (!stored) throw new Error(`Reader ${reader.id} vanished after upsert`);
      return stored;
    },
    async activate(id, now) {
      const reader = await get(id);
      if (!reader || reader.status === 'suppressed') return false;
      if (reader.status === 'active') return true;
      return guarded([
        {
          Update: {
            TableName: tableName,
            Key: readerKey(id),
            UpdateExpression: 'SET #status = :active, confirmedAt = if_not_exists(confirmedAt, :now)',
            ConditionExpression: '#status = :was',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':active': 'active', ':was': reader.status, ':now': now.toISOString() },
          },
        },
        ...interestPuts(reader),
      ]);
    },
    async updatePreferences(id, preferences) {
      const reader = await get(id);
      if (!reader || reader.status === 'suppressed') return false;
      const next = { ...reader, ...preferences };
      return guarded([
        {
          Update: {
            TableName: tableName,
            Key: readerKey(id),
            UpdateExpression: 'SET sections = :sections, tags = :tags, breakingOnly = :breakingOnly',
            ConditionExpression: '#status = :was',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':sections': [...preferences.sections],
              ':tags': [...preferences.tags],
              ':breakingOnly': preferences.breakingOnly,
              ':was': reader.status,
            },
          },
        },
        ...(reader.status === 'active' ? replaceInterests(reader, next) : []),
      ]);
    },
    async pause(id) {
      const reader = await get(id);
      if (!reader || reader.status === 'suppressed') return false;
      if (reader.status !== 'active') return reader.status === 'paused';
      return guarded([
        {
          Update: {
            TableName: tableName,
            Key: readerKey(id),
            UpdateExpression: 'SET #status = :paused',
            ConditionExpression: '#status = :active',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':paused': 'paused', ':active': 'active' },
          },
        },
        ...interestDeletes(reader),
      ]);
    },
    async remove(id) {
      const reader = await get(id);
      if (!reader) return false;
      return guarded([
        { Delete: { TableName: tableName, Key: readerKey(id), ConditionExpression: 'attribute_exists(PK)' } },
        ...interestDeletes(reader),
      ]);
    },
    async suppress(id, email, reason, now) {
      const reader = await get(id);
      const items = reader?.status === 'active' ? interestDeletes(reader) : [];
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName,
                Key: readerKey(id),
                // A suppressed address keeps only what prevents mailing it again.
                UpdateExpression:
                  'SET id = :id, email = :email, #status = :suppressed, suppressedReason = :reason, createdAt = if_not_exists(createdAt, :now) REMOVE sections, tags, breakingOnly',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: { ':id': id, ':email': email, ':suppressed': 'suppressed', ':reason': reason, ':now': now.toISOString() },
              },
            },
            ...items,
          ],
        }),
      );
    },
    async pageInterest(key, cursor) {
      const { items, next } = await queryInterest({ client, tableName }, key, cursor);
      return { recipients: items.map((item) => ({ id: String(item[index.sortKey]), email: String(item.email) })), ...(next ? { next } : {}) };
    },
    async importActive(readers, now) {
      const items = readers.flatMap((reader) => [
        {
          ...readerKey(reader.id),
          ...reader,
          sections: [...reader.sections],
          tags: [...reader.tags],
          status: 'active',
          createdAt: now.toISOString(),
          confirmedAt: now.toISOString(),
        },
        ...interestPuts(reader).map((put) => put.Put.Item),
      ]);
      await putAll({ client, tableName }, items);
    },
    async *scan() {
      let cursor: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await client.send(
          new ScanCommand({
            TableName: tableName,
            FilterExpression: 'SK = :profile',
            ExpressionAttributeValues: { ':profile': PROFILE },
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        for (const item of Items) yield readerFromItem(item);
        cursor = LastEvaluatedKey;
      } while (cursor);
    },
  };
}

/** Chunks of 25 (BatchWriteItem's limit) written at once by {@link putAll}. */
const PUT_ALL_CONCURRENCY = 4;

/**
 * Writes many items with BatchWriteItem, 25 per request and a few requests at
 * a time, putting back what DynamoDB leaves unprocessed after a growing
 * pause. For imports and seeding: plain puts, no conditions.
 */
export async function putAll({ client, tableName }: SubscriberStoreOptions, items: readonly Record<string, unknown>[]): Promise<void> {
  const chunks: Record<string, unknown>[][] = [];
  for (let start = 0; start < items.length; start += 25) chunks.push(items.slice(start, start + 25));
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++] ?? [];
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));
        const { UnprocessedItems } = await client.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: pending.map((Item) => ({ PutRequest: { Item } })) } }),
        );
        pending = (UnprocessedItems?.[tableName] ?? []).flatMap((request) => (request.PutRequest?.Item ? [request.PutRequest.Item] : []));
      }
    }
  };
  await Promise.all(Array.from({ length: PUT_ALL_CONCURRENCY }, worker));
}

/** One page of an interest partition of the sparse index (email readers and browsers alike). */
export async function queryInterest(
  { client, tableName }: SubscriberStoreOptions,
  key: string,
  cursor?: Record<string, unknown>,
): Promise<{ items: Array<Record<string, unknown>>; next?: Record<string, unknown> }> {
  const { Items = [], LastEvaluatedKey } = await client.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: index.indexName,
      KeyConditionExpression: '#pk = :key',
      ExpressionAttributeNames: { '#pk': index.partitionKey },
      ExpressionAttributeValues: { ':key': key },
      ...(cursor ? { ExclusiveStartKey: cursor } : {}),
    }),
  );
  return { items: Items, ...(LastEvaluatedKey ? { next: LastEvaluatedKey } : {}) };
}
