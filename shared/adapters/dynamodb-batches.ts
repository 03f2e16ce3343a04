import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const MAX_BATCH_GET = 100;
const MAX_BATCH_WRITE = 25;
const MAX_ATTEMPTS = 8;

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

/**
 * Reads items by key, 100 per BatchGetItem (`concurrency` in flight), retrying unprocessed keys with backoff. Missing
 * items are left out. `consistentRead` for reads that must see the writes just made (a render after its stream record).
 */
export async function batchGetAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, string>[],
  concurrency = 1,
  consistentRead = false,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let next = 0;
  const worker = async () => {
    while (next < keys.length) {
      const from = next;
      next += MAX_BATCH_GET;
      let pending: Record<string, unknown>[] = keys.slice(from, next);
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} key(s) unprocessed after ${attempt} attempts`);
        if (attempt > 0) await backoff(attempt);
        const response = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: consistentRead } } }));
        items.push(...(response.Responses?.[tableName] ?? []));
        pending = response.UnprocessedKeys?.[tableName]?.Keys ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return items;
}

/** One request of a BatchWriteItem: a put or a delete. */
export type BatchWriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

/**
 * Puts items, 25 per BatchWriteItem, `concurrency` requests in flight,
 * retrying unprocessed items with backoff. Unconditional: the caller has
 * checked what must not be overwritten.
 */
export function batchPutAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  items: readonly Record<string, unknown>[],
  concurrency = 4,
): Promise<void> {
  return batchWriteAll(
    client,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
    concurrency,
  );
}

/**
 * Puts and deletes, 25 per BatchWriteItem, `concurrency` requests in flight,
 * retrying unprocessed requests with backoff; `onWritten` hears the requests
 * done so far after each batch.
 */
export async function batchWriteAll(
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: readonly BatchWriteRequest[],
  concurrency = 4,
  onWritten?: (done: number, total: number) => void,
): Promise<void> {
  const batches: BatchWriteRequest[][] = [];
  for (let start = 0; start < requests.length; start += MAX_BATCH_WRITE) batches.push(requests.slice(start, start + MAX_BATCH_WRITE));
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] ?? [];
      let pending = batch;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${pending.length} request(s) unprocessed after ${attempt} attempts`);
        if (attempt > 0) await backoff(attempt);
        const response = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        pending = (response.UnprocessedItems?.[tableName] ?? []) as BatchWriteRequest[];
      }
      done += batch.length;
      onWritten?.(done, requests.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, batches.length) }, worker));
}
