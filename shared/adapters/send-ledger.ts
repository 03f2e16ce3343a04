import { GetCommand, QueryCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './condition-failure';

/** A recipient whose email did not certainly go out. */
export interface SendFailure {
  readonly recipient: string;
  /** The email address or push endpoint. */
  readonly address: string;
  /** `not-sent`: SES refused or kept throttling it (never sent). `uncertain`: SES may have accepted it (a timeout, a crash). */
  readonly outcome: 'not-sent' | 'uncertain';
  readonly reason: string;
}

/** The idempotency record of one (alert, recipient batch). */
export interface BatchRecord {
  readonly alertId: string;
  readonly batchId: string;
  readonly status: 'sending' | 'done';
  /** Recipients whose send was started, in batch order. */
  readonly cursor: number;
  readonly failures: readonly SendFailure[];
}

/** The result of claiming a batch. */
export type BatchClaim = { readonly state: 'claimed'; readonly record: BatchRecord } | { readonly state: 'done' } | { readonly state: 'busy' };

/** Another sender took the batch over (our lease ran out). */
export class LeaseLostError extends Error {
  override readonly name = 'LeaseLostError';
}

/** Idempotency records of email batches (conditional writes in the subscriber table). */
export interface SendLedger {
  /** Claims a new batch, or takes over one whose lease ran out (keeping its cursor). */
  claim(alertId: string, batchId: string, owner: string, leaseUntil: Date, now: Date): Promise<BatchClaim>;
  /** Moves the cursor from `cursor` to `cursor + 1` before sending that recipient, and extends the lease. @throws LeaseLostError */
  advance(alertId: string, batchId: string, owner: string, cursor: number, leaseUntil: Date): Promise<void>;
  /** Records recipients that were not certainly sent. @throws LeaseLostError */
  fail(alertId: string, batchId: string, owner: string, failures: readonly SendFailure[]): Promise<void>;
  /** Marks the batch done. @throws LeaseLostError */
  finish(alertId: string, batchId: string, owner: string): Promise<void>;
  get(alertId: string, batchId: string): Promise<BatchRecord | undefined>;
  /** Every batch record of one alert. */
  batches(alertId: string): Promise<BatchRecord[]>;
  /** Every batch with failures (for `newsroom` and replays). */
  failed(): Promise<BatchRecord[]>;
}

const key = (alertId: string, batchId: string) => ({ PK: `SEND#${alertId}`, SK: `BATCH#${batchId}` });
/** Records are kept a month, then expire through the table's TTL. */
const RETENTION_SECONDS = 30 * 24 * 3600;

function recordFromItem(item: Record<string, unknown>): BatchRecord {
  return {
    alertId: String(item.alertId),
    batchId: String(item.batchId),
    status: item.status === 'done' ? 'done' : 'sending',
    cursor: Number(item.cursor ?? 0),
    failures: (item.failures as SendFailure[] | undefined) ?? [],
  };
}

/** Creates the ledger over the subscriber table. */
export function createSendLedger({ client, tableName }: { client: DynamoDBDocumentClient; tableName: string }): SendLedger {
  const owned = async (command: UpdateCommand) => {
    try {
      await client.send(command);
    } catch (error) {
      if (isConditionFailure(error)) throw new LeaseLostError('Another sender holds this batch');
      throw error;
    }
  };
  const get = async (alertId: string, batchId: string) => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key(alertId, batchId), ConsistentRead: true }));
    return Item ? recordFromItem(Item) : undefined;
  };
  return {
    get,
    async claim(alertId, batchId, owner, leaseUntil, now) {
      try {
        const { Attributes } = await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key(alertId, batchId),
            UpdateExpression:
              'SET alertId = :alert, batchId = :batch, #status = :sending, #owner = :owner, leaseUntil = :lease, #cursor = if_not_exists(#cursor, :zero), failures = if_not_exists(failures, :none), expiresAt = :expires',
            ConditionExpression: 'attribute_not_exists(PK) OR (#status = :sending AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status', '#owner': 'owner', '#cursor': 'cursor' },
            ExpressionAttributeValues: {
              ':alert': alertId,
              ':batch': batchId,
              ':sending': 'sending',
              ':owner': owner,
              ':lease': leaseUntil.getTime(),
              ':now': now.getTime(),
              ':zero': 0,
              ':none': [],
              ':expires': Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return { state: 'claimed', record: recordFromItem(Attributes ?? {}) };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const existing = await get(alertId, batchId);
        return existing?.status === 'done' ? { state: 'done' } : { state: 'busy' };
      }
    },
    advance: (alertId, batchId, owner, cursor, leaseUntil) =>
      owned(
        new UpdateCommand({
          TableName: tableName,
          Key: key(alertId, batchId),
          UpdateExpression: 'SET #cursor = :next, leaseUntil = :lease',
          ConditionExpression: '#owner = :owner AND #cursor = :cursor',
          ExpressionAttributeNames: { '#owner': 'owner', '#cursor': 'cursor' },
          ExpressionAttributeValues: { ':owner': owner, ':cursor': cursor, ':next': cursor + 1, ':lease': leaseUntil.getTime() },
        }),
      ),
    fail: (alertId, batchId, owner, failures) =>
      owned(
        new UpdateCommand({
          TableName: tableName,
          Key: key(alertId, batchId),
          UpdateExpression: 'SET failures = list_append(failures, :failures)',
          ConditionExpression: '#owner = :owner',
          ExpressionAttributeNames: { '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner, ':failures': [...failures] },
        }),
      ),
    finish: (alertId, batchId, owner) =>
      owned(
        new UpdateCommand({
          TableName: tableName,
          Key: key(alertId, batchId),
          UpdateExpression: 'SET #status = :done REMOVE leaseUntil',
          ConditionExpression: '#owner = :owner AND #status = :sending',
          ExpressionAttributeNames: { '#owner': 'owner', '#status': 'status' },
          ExpressionAttributeValues: { ':owner': owner, ':done': 'done', ':sending': 'sending' },
        }),
      ),
    async batches(alertId) {
      const records: BatchRecord[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': `SEND#${alertId}` },
            ConsistentRead: true,
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        records.push(...Items.map(recordFromItem));
        cursor = LastEvaluatedKey;
      } while (cursor);
      return records;
    },
    async failed() {
      const records: BatchRecord[] = [];
      let cursor: Record<string, unknown> | undefined;
      do {
        const { Items = [], LastEvaluatedKey } = await client.send(
          new ScanCommand({
            TableName: tableName,
            FilterExpression: 'begins_with(PK, :send) AND size(failures) > :zero',
            ExpressionAttributeValues: { ':send': 'SEND#', ':zero': 0 },
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        records.push(...Items.map(recordFromItem));
        cursor = LastEvaluatedKey;
      } while (cursor);
      return records;
    },
  };
}
