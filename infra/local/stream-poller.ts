import {
  DescribeStreamCommand,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { matchesFilterPattern } from './filters/filter-pattern';

/** A Lambda-shaped stream consumer with its event filter. */
export interface StreamConsumerBinding {
  readonly name: string;
  readonly filter: unknown;
  readonly handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;
}

/** Options of {@link startStreamPoller}. */
export interface StreamPollerOptions {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly consumers: readonly StreamConsumerBinding[];
  /** Where the last processed sequence number of each shard is kept, so a restart resumes. */
  readonly checkpointFile: string;
  /** @default 100 */
  readonly pollIntervalMs?: number;
  /** Attempts per batch before its records go to `onFailure`. @default 3 */
  readonly maxAttempts?: number;
  readonly onFailure: (consumer: string, records: readonly DynamoDBRecord[], error: string) => Promise<void>;
}

/** A running poller. */
export interface StreamPoller {
  /** Resolves after a full pass that found no new records. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Polls a DynamoDB Local stream and invokes each consumer with the records its
 * filter matches, as a Lambda event source mapping would: in order per shard,
 * failed batches retried from the first failed record, then handed to the
 * on-failure destination. Differences from AWS: one poller reads for all
 * consumers (on AWS each mapping has its own iterator), so a slow consumer
 * holds back the next read for the others; no bisecting.
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const maxAttempts = options.maxAttempts ?? 3;
  const iterators = new Map<string, string | undefined>();
  let checkpoints: Record<string, string> = {};
  let stopped = false;
  let idleWaiters: Array<() => void> = [];
  let loop: Promise<void> = Promise.resolve();

  async function loadCheckpoints(): Promise<void> {
    try {
      const parsed: unknown = JSON.parse(await readFile(options.checkpointFile, 'utf8'));
      if (parsed && typeof parsed === 'object') {
        checkpoints = Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      }
    } catch {
      checkpoints = {};
    }
  }

  async function saveCheckpoints(): Promise<void> {
    await mkdir(dirname(options.checkpointFile), { recursive: true });
    await writeFile(options.checkpointFile, JSON.stringify(checkpoints));
  }

  async function discoverShards(): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await options.client.send(
        new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId;
        if (!shardId || iterators.has(shardId)) continue;
        iterators.set(shardId, await shardIterator(shardId));
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  }

  async function shardIterator(shardId: string): Promise<string | undefined> {
    const after = checkpoints[shardId];
    const request = (type: 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON') =>
      options.client.send(
        new GetShardIteratorCommand({
          StreamArn: options.streamArn,
          ShardId: shardId,
          ShardIteratorType: type,
          SequenceNumber: type === 'AFTER_SEQUENCE_NUMBER' ? after : undefined,
        }),
      );
    try {
      return (await request(after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON')).ShardIterator;
    } catch (error) {
      if (!after || !isLostIterator(error)) throw error;
      return (await request('TRIM_HORIZON')).ShardIterator;
    }
  }

  async function deliver(consumer: StreamConsumerBinding, records: DynamoDBRecord[]): Promise<void> {
    let pending = records;
    for (let attempt = 1; pending.length > 0; attempt++) {
      let failedFrom = -1;
      let error = '';
      try {
        const response = await consumer.handler({ Records: pending });
        const failures = new Set((response?.batchItemFailures ?? []).map((item) => item.itemIdentifier));
        failedFrom = pending.findIndex((record) => failures.has(record.dynamodb?.SequenceNumber ?? ''));
        if (failedFrom >= 0) error = 'reported as a batch item failure';
      } catch (thrown) {
        failedFrom = 0;
        error = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
      }
      if (failedFrom < 0) return;
      pending = pending.slice(failedFrom);
      if (attempt >= maxAttempts) {
        await options.onFailure(consumer.name, pending, error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }

  async function pollOnce(): Promise<number> {
    await discoverShards();
    let seen = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let response: GetRecordsCommandOutput;
      try {
        response = await options.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      } catch (error) {
        // DynamoDB Local invalidates open iterators when any table is created; resume from the checkpoint.
        if (!isLostIterator(error)) throw error;
        iterators.delete(shardId);
        continue;
      }
      const { Records = [], NextShardIterator } = response;
      iterators.set(shardId, NextShardIterator);
      if (Records.length === 0) continue;
      seen += Records.length;
      const events = Records.map((record) => toLambdaRecord(record, options.streamArn));
      // Each consumer is its own event source mapping on AWS, so they run side by side.
      await Promise.all(
        options.consumers.map(async (consumer) => {
          const matched = events.filter((event) => matchesFilterPattern(consumer.filter, event));
          if (matched.length > 0) await deliver(consumer, matched);
        }),
      );
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        checkpoints[shardId] = last;
        await saveCheckpoints();
      }
    }
    return seen;
  }

  async function run(): Promise<void> {
    await loadCheckpoints();
    while (!stopped) {
      let seen = 0;
      try {
        seen = await pollOnce();
      } catch (error) {
        if (!stopped) console.error('stream poller:', error instanceof Error ? error.message : error);
      }
      if (seen === 0) {
        for (const resolve of idleWaiters) resolve();
        idleWaiters = [];
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    }
  }

  loop = run();
  return {
    idle: () => new Promise((resolve) => idleWaiters.push(resolve)),
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

function isLostIterator(error: unknown): boolean {
  return error instanceof Error && ['TrimmedDataAccessException', 'ExpiredIteratorException'].includes(error.name);
}

/** Shapes an SDK stream record as Lambda delivers it (dates as epoch seconds, source ARN set). */
function toLambdaRecord(record: StreamRecord, streamArn: string): DynamoDBRecord {
  const { ApproximateCreationDateTime, ...dynamodb } = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion,
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion,
    eventSourceARN: streamArn,
    dynamodb: {
      ...dynamodb,
      ...(ApproximateCreationDateTime ? { ApproximateCreationDateTime: ApproximateCreationDateTime.getTime() / 1000 } : {}),
    } as DynamoDBRecord['dynamodb'],
  };
}
