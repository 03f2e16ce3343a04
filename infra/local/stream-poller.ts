import {
  DescribeStreamCommand,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type DynamoDBStreamsClient,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomically } from './atomic-write';
import { matchesFilterPattern } from './filters/filter-pattern';

/** A Lambda-shaped stream consumer with its event filter: one event source mapping. */
export interface StreamConsumerBinding {
  /** The function's name (on-failure records name it). */
  readonly name: string;
  /** The mapping's own name, which keys its checkpoints; several mappings may feed one function. @default name */
  readonly mapping?: string;
  readonly filter: unknown;
  /** Most matching records per invocation, as the mapping's `batchSize`. @default 100 */
  readonly batchSize?: number;
  /**
   * While this answers true, the mapping reads no further records (a delivery in progress finishes): locally
   * every function shares one process and one DynamoDB Local, which on AWS scale apart, so bulk work yields
   * to the priority lanes.
   */
  readonly holdWhile?: () => boolean;
  readonly handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;
}

/** Options of {@link startStreamPoller}. */
export interface StreamPollerOptions {
  readonly client: DynamoDBStreamsClient;
  readonly streamArn: string;
  readonly consumers: readonly StreamConsumerBinding[];
  /** Where the last processed sequence number of each mapping and shard is kept, so a restart resumes. */
  readonly checkpointFile: string;
  /** @default 100 */
  readonly pollIntervalMs?: number;
  /** Attempts per batch before its records go to `onFailure`. @default 3 */
  readonly maxAttempts?: number;
  readonly onFailure: (consumer: string, records: readonly DynamoDBRecord[], error: string) => Promise<void>;
}

/**
 * Readers of one DynamoDB Streams shard at a time that AWS allows. Each event source mapping of a stream reads every
 * shard, so a stream takes at most this many mappings. From the DynamoDB Streams API reference
 * (`LimitExceededException`): "More than 2 processes are reading from the same streams shard at the same time.
 * Exceeding this limit may result in request throttling." The DynamoDB developer guide: no more than two processes
 * at most should be reading from the same streams shard at the same time; more can be throttled. Lambda's guide
 * (its section on concurrent readers of a shard in DynamoDB Streams) recommends at most two functions per
 * single-Region table's stream.
 */
export const MAX_SHARD_READERS = 2;

/** A poller would make a stream's shards have more readers than {@link MAX_SHARD_READERS}. */
export class StreamReaderLimitError extends Error {
  constructor(streamArn: string, readers: number) {
    super(
      `${streamArn} would have ${readers} readers per shard; DynamoDB Streams allows ${MAX_SHARD_READERS} at a time ` +
        '(more are throttled with LimitExceededException on AWS): give the stream fewer event source mappings.',
    );
    this.name = 'StreamReaderLimitError';
  }
}

/** Mappings reading each stream in this process, over every running poller. */
const readersByStream = new Map<string, number>();

/** A running poller. */
export interface StreamPoller {
  /** Resolves once every mapping has made a full pass, begun after the call, that found no new records. */
  idle(): Promise<void>;
  /** Whether a mapping has records in hand (read and not yet all delivered). */
  busy(mapping: string): boolean;
  stop(): Promise<void>;
}

/**
 * Polls a DynamoDB Local stream and invokes each consumer with the records its
 * filter matches, as Lambda event source mappings would: each mapping reads
 * the stream with its own iterators and checkpoints (so one busy consumer never
 * holds back another, and a priority mapping never waits behind a bulk one's
 * backlog), in order per shard, in batches of at most its `batchSize` matching
 * records, failed batches retried from the first failed record, then handed to
 * the on-failure destination. Mappings at the same position of a shard within
 * a poll interval share one read of it (each still filters, batches and
 * checkpoints on its own), where AWS reads once per mapping. Differences from AWS: records are read as soon as
 * they are written (about every `pollIntervalMs`; AWS polls each shard about
 * four times a second); no bisecting; no parallelization factor (AWS's default of 1).
 *
 * As strict as AWS on readers: a poller whose mappings would take a stream past {@link MAX_SHARD_READERS}
 * readers, counting those of the pollers already running in this process, is refused at start. Difference from
 * AWS: AWS counts whoever reads a shard (another account's tool, a second deployment) and throttles their
 * GetRecords calls once there are too many; readers in another process (a second local stack on the same
 * DynamoDB Local) are not counted here.
 *
 * @throws StreamReaderLimitError when the stream would have more readers than AWS allows
 */
export function startStreamPoller(options: StreamPollerOptions): StreamPoller {
  const readers = (readersByStream.get(options.streamArn) ?? 0) + options.consumers.length;
  if (readers > MAX_SHARD_READERS) throw new StreamReaderLimitError(options.streamArn, readers);
  readersByStream.set(options.streamArn, readers);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    const left = (readersByStream.get(options.streamArn) ?? 0) - options.consumers.length;
    if (left > 0) readersByStream.set(options.streamArn, left);
    else readersByStream.delete(options.streamArn);
  };
  const pollIntervalMs = options.pollIntervalMs ?? 100;
  const maxAttempts = options.maxAttempts ?? 3;
  let checkpoints: Record<string, Record<string, string>> = {};
  let stopped = false;
  let idleWaiters: Array<{ since: number; resolve: () => void }> = [];
  /** When each mapping's latest pass that found no record started; absent while it has records in hand. */
  const quietSince = new Map<string, number>();
  /** Mappings delivering records they read. */
  const inHand = new Set<string>();
  const mappingOf = (consumer: StreamConsumerBinding) => consumer.mapping ?? consumer.name;

  async function loadCheckpoints(): Promise<void> {
    try {
      const parsed: unknown = JSON.parse(await readFile(options.checkpointFile, 'utf8'));
      if (!parsed || typeof parsed !== 'object') return;
      for (const [key, value] of Object.entries(parsed)) {
        // A file from before mappings kept their own: shard → sequence number, shared by every mapping.
        if (typeof value === 'string') {
          for (const consumer of options.consumers) {
            const own = checkpoints[mappingOf(consumer)] ?? {};
            own[key] ??= value;
            checkpoints[mappingOf(consumer)] = own;
          }
        } else if (value && typeof value === 'object') {
          checkpoints[key] = Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        }
      }
    } catch {
      checkpoints = {};
    }
  }

  let saving: Promise<void> = Promise.resolve();
  function saveCheckpoints(): Promise<void> {
    // One write at a time, each with every mapping's latest position.
    saving = saving
      .catch(() => undefined)
      .then(async () => {
        await mkdir(dirname(options.checkpointFile), { recursive: true });
        await writeFileAtomically(options.checkpointFile, JSON.stringify(checkpoints));
      });
    return saving;
  }

  async function discoverShards(iterators: Map<string, string | undefined>, mapping: string): Promise<void> {
    let exclusiveStartShardId: string | undefined;
    do {
      const { StreamDescription } = await options.client.send(
        new DescribeStreamCommand({ StreamArn: options.streamArn, ExclusiveStartShardId: exclusiveStartShardId }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId;
        if (!shardId || iterators.has(shardId)) continue;
        iterators.set(shardId, await shardIterator(shardId, checkpoints[mapping]?.[shardId]));
      }
      exclusiveStartShardId = StreamDescription?.LastEvaluatedShardId;
    } while (exclusiveStartShardId);
  }

  async function shardIterator(shardId: string, after: string | undefined): Promise<string | undefined> {
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

  /**
   * Records read from a shard, by the position they were read from (shard and the last sequence number before
   * them): a mapping at a position another is reading from, or read from within the last poll interval, takes the
   * same records and next iterator instead of reading them again (the images of every write, once per mapping),
   * as if it had polled that much earlier. A read that found nothing is not kept once it ends.
   */
  const shared = new Map<string, { read: Promise<GetRecordsCommandOutput>; doneAt?: number; takenBy: Set<string> }>();
  function readShared(mapping: string, shardId: string, iterator: string): Promise<GetRecordsCommandOutput> {
    const position = `${shardId}@${checkpoints[mapping]?.[shardId] ?? ''}`;
    let entry = shared.get(position);
    if (entry?.doneAt !== undefined && Date.now() - entry.doneAt > pollIntervalMs) entry = undefined;
    if (!entry) {
      const own: { read: Promise<GetRecordsCommandOutput>; doneAt?: number; takenBy: Set<string> } = {
        read: options.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 })),
        takenBy: new Set(),
      };
      const forget = () => {
        if (shared.get(position) === own) shared.delete(position);
      };
      own.read.then((response) => {
        own.doneAt = Date.now();
        if ((response.Records ?? []).length === 0) forget();
      }, forget);
      shared.delete(position);
      shared.set(position, own);
      if (shared.size > MAX_SHARED_READS) shared.delete(shared.keys().next().value as string);
      entry = own;
    }
    entry.takenBy.add(mapping);
    if (entry.takenBy.size >= options.consumers.length) shared.delete(position);
    return entry.read;
  }

  /** One pass of one mapping over every shard; returns how many records it read (matching or not). */
  async function pollOnce(consumer: StreamConsumerBinding, iterators: Map<string, string | undefined>, discover: boolean): Promise<number> {
    const mapping = mappingOf(consumer);
    if (discover) await discoverShards(iterators, mapping);
    let seen = 0;
    for (const [shardId, iterator] of iterators) {
      if (!iterator) continue;
      let response: GetRecordsCommandOutput;
      try {
        response = await readShared(mapping, shardId, iterator);
      } catch (error) {
        // DynamoDB Local invalidates open iterators when any table is created; resume from the checkpoint.
        if (!isLostIterator(error)) throw error;
        iterators.delete(shardId);
        continue;
      }
      const { Records = [], NextShardIterator } = response;
      iterators.set(shardId, NextShardIterator);
      if (Records.length === 0) continue;
      quietSince.delete(mapping);
      inHand.add(mapping);
      seen += Records.length;
      const matched = Records.map((record) => toLambdaRecord(record, options.streamArn)).filter((event) =>
        matchesFilterPattern(consumer.filter, event),
      );
      const batchSize = consumer.batchSize ?? 100;
      try {
        for (let start = 0; start < matched.length; start += batchSize) await deliver(consumer, matched.slice(start, start + batchSize));
      } finally {
        inHand.delete(mapping);
      }
      const last = Records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) {
        checkpoints[mapping] = { ...checkpoints[mapping], [shardId]: last };
        await saveCheckpoints();
      }
    }
    return seen;
  }

  function noteQuiet(mapping: string, since: number): void {
    quietSince.set(mapping, since);
    const all = options.consumers.map((consumer) => quietSince.get(mappingOf(consumer)));
    idleWaiters = idleWaiters.filter((waiter) => {
      if (all.some((at) => at === undefined || at < waiter.since)) return true;
      waiter.resolve();
      return false;
    });
  }

  async function run(consumer: StreamConsumerBinding): Promise<void> {
    const iterators = new Map<string, string | undefined>();
    let discoveredAt = 0;
    let discoveredShards = 0;
    while (!stopped) {
      if (consumer.holdWhile?.()) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        continue;
      }
      const passStarted = Date.now();
      // New shards are looked for each second, and at once when an iterator was lost (its shard is then missing).
      const discover = passStarted - discoveredAt > 1000 || iterators.size < discoveredShards;
      if (discover) discoveredAt = passStarted;
      let seen = 0;
      try {
        seen = await pollOnce(consumer, iterators, discover);
        if (discover) discoveredShards = iterators.size;
      } catch (error) {
        if (!stopped) console.error(`stream poller (${mappingOf(consumer)}):`, error instanceof Error ? error.message : error);
      }
      if (seen === 0) {
        noteQuiet(mappingOf(consumer), passStarted);
        await new Promise((resolve) => setTimeout(resolve, pollIntervalMs));
      }
    }
  }

  const loop = loadCheckpoints().then(() => Promise.all(options.consumers.map(run)));
  return {
    // Every mapping has finished a pass that started after this call and found nothing, and none has records in hand.
    idle: () => new Promise((resolve) => idleWaiters.push({ since: Date.now(), resolve })),
    busy: (mapping) => inHand.has(mapping),
    async stop() {
      stopped = true;
      try {
        await loop;
        await saving;
      } finally {
        release();
      }
    },
  };
}

/** Shared shard reads kept at most (see `readShared`); each holds up to 1,000 records. */
const MAX_SHARED_READS = 16;

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
