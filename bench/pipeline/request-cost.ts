import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { TABLE_INDEXES } from '../../events/names';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { ensureArticleTable } from '../../infra/local/provision';
import { cpuSecondsOf, ownCpuSeconds } from './process-cpu';
import { COUNTED_CAPACITY, type RequestCounts } from './request-counter';

/** A kind of request a publish sends, as the burst counted it. */
export interface PublishRequestKind {
  /** The command, as the request counter names it (`Get`, `Query`, `TransactWrite`, …). */
  readonly command: string;
  /** Requests of this kind per publish. */
  readonly perPublish: number;
  /** Items one request reads or writes: the burst's mean, rounded, at least 1. */
  readonly items: number;
}

/** CPU milliseconds one request of a kind costs DynamoDB Local's JVM and this process (the SDK's side). */
export interface RequestCost {
  readonly kind: PublishRequestKind;
  readonly jvmMs: number;
  readonly nodeMs: number;
}

/** What {@link measureRequestCosts} measured. */
export interface RequestCosts {
  /** CPU ms per second the JVM and this process use while no request is sent (the stack's stream pollers); taken off each cost. */
  readonly idle: { readonly jvmMsPerSecond: number; readonly nodeMsPerSecond: number };
  readonly costs: readonly RequestCost[];
  /**
   * CPU ms per stream record read (JVM / node): every item written makes one record, which the stack's pollers read
   * with GetRecords (both lanes in one read while they are level), here read back from the scratch table's stream.
   */
  readonly streamRecord: { readonly jvmMs: number; readonly nodeMs: number };
  /** Kinds the bench sends no request of its own for, so left unpriced. */
  readonly unpriced: readonly PublishRequestKind[];
}

/** A handle on the scratch table made by {@link prepareRequestCosts}. */
export interface RequestCostTable {
  /** Prices each kind on the scratch table; closes the handle. */
  measure(jvmMarker: string, kinds: readonly PublishRequestKind[]): Promise<RequestCosts>;
}

/** Requests of each kind sent and not counted, so the JVM has compiled their path before the count. */
const WARM_UP_REQUESTS = 100;

/** Requests of each kind counted: at ~1 ms each, enough that /proc's 10 ms clock ticks are a few per cent. */
const COUNTED_REQUESTS = 400;

/** How long the stack's background CPU use is sampled, before and after the requests. */
const IDLE_SAMPLE_MS = 3000;

/** Records seeded in the scratch partition that reads are served from. */
const SEEDED = 100;

/** The most items one request of each command may carry (DynamoDB's limits, and the seeded records for reads). */
const MOST_ITEMS: Readonly<Record<string, number>> = { BatchGet: SEEDED, Query: SEEDED, TransactWrite: 100, BatchWrite: 25 };

/** A related-index record or an article head of ~0.9 KB: 30 query terms with their frequency and weight, in one JSON string. */
const record = (id: string) => ({
  id,
  slug: `a-story-slug-${id}`,
  title: 'A headline of the usual length for a story in the corpus',
  section: 'business',
  tags: ['markets', 'energy'],
  language: 'en',
  publishedAt: '2026-01-01T00:00:00.000Z',
  status: 'published',
  len: 512,
  t: JSON.stringify(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`term${i}stem`, [3, 2.345]]))),
  self: 12.34,
});

const seededKey = (i: number) => ({ PK: 'P', SK: String(i).padStart(4, '0') });

/**
 * The kinds of request a publish sends, from the burst's counts: one per command, with its requests per publish and
 * the mean items per request (priced as that many ~1 KB items; DynamoDB Local's cost grows about linearly with
 * items, so the mean prices the sum), most frequent first.
 */
export function publishRequestKinds(counts: Pick<RequestCounts, 'byCommand' | 'itemsByCommand'>, publishes: number): PublishRequestKind[] {
  return Object.entries(counts.byCommand)
    .filter(([, requests]) => requests > 0)
    .map(([command, requests]) => ({
      command,
      perPublish: requests / Math.max(publishes, 1),
      items: Math.min(MOST_ITEMS[command] ?? 1, Math.max(1, Math.round((counts.itemsByCommand[command] ?? requests) / requests))),
    }))
    .sort((a, b) => b.perPublish - a.perPublish);
}

/** The CPU used by the JVM and this process while `work` runs, and for how long it ran. */
async function cpuDuring(jvmMarker: string, work: () => Promise<unknown>): Promise<{ jvm: number; node: number; seconds: number }> {
  const jvm = await cpuSecondsOf(jvmMarker);
  const node = ownCpuSeconds();
  const at = performance.now();
  await work();
  return { jvm: (await cpuSecondsOf(jvmMarker)) - jvm, node: ownCpuSeconds() - node, seconds: (performance.now() - at) / 1000 };
}

/**
 * Makes and seeds a scratch table on the stack's DynamoDB Local, to price single requests on once the burst is over
 * ({@link RequestCostTable.measure}). Call it before the burst: DynamoDB Local answers every request on a
 * stream-enabled table after looking up its stream's first record with a scan of every stream's records in sequence
 * order (`SELECT MIN(SequenceNumber) FROM us WHERE ShardID = ?`, no index on the shard). The article table's records
 * come first, so it never pays that; a table made after a burst of 100 scans the burst's ~2,600 records on every
 * request, and more than linearly more as they grow: measured at 10-30× the article table's cost (a 6-item
 * transaction 156 ms instead of 5-6 ms, a GetItem 9.7 ms instead of 0.7).
 */
export async function prepareRequestCosts(endpoint: string): Promise<RequestCostTable> {
  const raw = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const client = DynamoDBDocumentClient.from(raw);
  const streams = new DynamoDBStreamsClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const TableName = `request-cost-${Date.now()}`;
  const StreamArn = await ensureArticleTable(raw, TableName);
  for (let start = 0; start < SEEDED; start += 25) {
    const items = Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { ...seededKey(start + i), ...record(`r${start + i}`) } } }));
    await client.send(new BatchWriteCommand({ RequestItems: { [TableName]: items } }));
  }
  // An article head as the lifecycle updates rewrite it: ~0.9 KB, with its copy in the published index.
  const { partitionKey, sortKey } = TABLE_INDEXES.byPublished;
  const head = { PK: 'HEAD', SK: 'H' };
  await client.send(new PutCommand({ TableName, Item: { ...head, ...record('head'), [partitionKey]: 'PUBLISHED', [sortKey]: '2026-01-01#head' } }));

  let n = 0;
  const fresh = (count: number) => {
    const batch = n++;
    return Array.from({ length: count }, (_, i) => ({ PK: `W${batch}`, SK: String(i), ...record(`w${i}`) }));
  };
  const senderFor = ({ command, items }: PublishRequestKind): (() => Promise<unknown>) | undefined => {
    const keys = Array.from({ length: items }, (_, i) => seededKey(i));
    // As the burst's requests, which the request counter makes report their capacity.
    const ReturnConsumedCapacity = COUNTED_CAPACITY;
    switch (command) {
      case 'Get':
        return () => client.send(new GetCommand({ TableName, Key: seededKey(10), ReturnConsumedCapacity }));
      case 'BatchGet':
        return () => client.send(new BatchGetCommand({ RequestItems: { [TableName]: { Keys: keys } }, ReturnConsumedCapacity }));
      case 'Query':
        return () =>
          client.send(
            new QueryCommand({
              TableName,
              KeyConditionExpression: 'PK = :pk',
              ExpressionAttributeValues: { ':pk': 'P' },
              ScanIndexForward: false,
              Limit: items,
              ReturnConsumedCapacity,
            }),
          );
      case 'Update':
        return () =>
          client.send(
            new UpdateCommand({
              TableName,
              Key: head,
              UpdateExpression: 'SET stage = :s',
              ExpressionAttributeValues: { ':s': String(n++) },
              ReturnConsumedCapacity,
            }),
          );
      case 'Put':
        return () => client.send(new PutCommand({ TableName, Item: fresh(1)[0], ReturnConsumedCapacity }));
      case 'TransactWrite':
        return () =>
          client.send(
            new TransactWriteCommand({ TransactItems: fresh(items).map((Item) => ({ Put: { TableName, Item } })), ReturnConsumedCapacity }),
          );
      case 'BatchWrite':
        return () =>
          client.send(
            new BatchWriteCommand({ RequestItems: { [TableName]: fresh(items).map((Item) => ({ PutRequest: { Item } })) }, ReturnConsumedCapacity }),
          );
      default:
        return undefined;
    }
  };

  /** Reads the scratch table's stream from its start to its end, in pages as large as GetRecords gives; returns the records read. */
  const readStream = async () => {
    let read = 0;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn }));
    for (const { ShardId } of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(new GetShardIteratorCommand({ StreamArn, ShardId, ShardIteratorType: 'TRIM_HORIZON' }));
      while (ShardIterator) {
        const page = await streams.send(new GetRecordsCommand({ ShardIterator, Limit: 1000 }));
        if (!page.Records?.length) break;
        read += page.Records.length;
        ShardIterator = page.NextShardIterator;
      }
    }
    return read;
  };

  return {
    async measure(jvmMarker, kinds) {
      const pause = () => new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
      const twoAtATime = async (send: () => Promise<unknown>, requests: number) => {
        for (let sent = 0; sent < requests; sent += 2) await Promise.all([send(), send()]);
      };
      try {
        // The stack keeps working meanwhile (its stream pollers read the article stream): that rate, with no request
        // sent, is taken off each kind.
        const before = await cpuDuring(jvmMarker, pause);
        const measured: Array<{ kind: PublishRequestKind; jvm: number; node: number; seconds: number }> = [];
        const unpriced: PublishRequestKind[] = [];
        for (const kind of kinds) {
          const send = senderFor(kind);
          if (!send) {
            unpriced.push(kind);
            continue;
          }
          await twoAtATime(send, WARM_UP_REQUESTS);
          measured.push({ kind, ...(await cpuDuring(jvmMarker, () => twoAtATime(send, COUNTED_REQUESTS))) });
        }
        let records = 0;
        const streamRead = await cpuDuring(jvmMarker, async () => {
          records = await readStream();
        });
        const after = await cpuDuring(jvmMarker, pause);
        const idleSeconds = before.seconds + after.seconds;
        const idle = { jvm: (before.jvm + after.jvm) / idleSeconds, node: (before.node + after.node) / idleSeconds };
        const per = (used: number, rate: number, seconds: number, count = COUNTED_REQUESTS) =>
          (1000 * Math.max(0, used - rate * seconds)) / Math.max(count, 1);
        return {
          idle: { jvmMsPerSecond: 1000 * idle.jvm, nodeMsPerSecond: 1000 * idle.node },
          costs: measured.map(({ kind, jvm, node, seconds }) => ({
            kind,
            jvmMs: per(jvm, idle.jvm, seconds),
            nodeMs: per(node, idle.node, seconds),
          })),
          streamRecord: {
            jvmMs: per(streamRead.jvm, idle.jvm, streamRead.seconds, records),
            nodeMs: per(streamRead.node, idle.node, streamRead.seconds, records),
          },
          unpriced,
        };
      } finally {
        client.destroy();
        streams.destroy();
      }
    },
  };
}

/**
 * The JVM's CPU per publish the request costs account for, beside what the burst measured. Not priced, so part of the
 * difference: the JIT's warm-up at the start of the burst (a fresh JVM's first 200 requests of each kind cost up to 4×
 * the warm ones), the two cores' contention during it, and the real requests' shapes (conditions, returned values,
 * versions of 2-8 KB) where these price ~1 KB items.
 */
export interface CostReconciliation {
  /** Σ over kinds of requests per publish × JVM ms per request. */
  readonly requestsMs: number;
  /** Items written per publish × JVM ms per stream record read. */
  readonly streamMs: number;
  /** The stack's idle JVM rate (its pollers) over the burst's duration, per publish. */
  readonly pollersMs: number;
  /** The JVM's CPU per publish the burst measured. */
  readonly measuredMs: number;
}

/** Reconciles the request costs with the JVM's CPU per publish measured over a burst of `publishes` lasting `seconds`. */
export function reconcileRequestCosts(
  { idle, costs, streamRecord }: Pick<RequestCosts, 'idle' | 'costs' | 'streamRecord'>,
  burst: { readonly seconds: number; readonly publishes: number; readonly jvmMsPerPublish: number; readonly itemsWrittenPerPublish: number },
): CostReconciliation {
  return {
    requestsMs: costs.reduce((total, { kind, jvmMs }) => total + kind.perPublish * jvmMs, 0),
    streamMs: burst.itemsWrittenPerPublish * streamRecord.jvmMs,
    pollersMs: (idle.jvmMsPerSecond * burst.seconds) / Math.max(burst.publishes, 1),
    measuredMs: burst.jvmMsPerPublish,
  };
}

const kindName = ({ command, items }: PublishRequestKind) => (items > 1 ? `${command} of ${items} items` : command);

/**
 * One line: each kind's requests per publish and CPU ms per request (JVM / node), the kinds left unpriced, then the
 * reconciliation: Σ requests × cost, plus the pollers, against the JVM's CPU per publish measured.
 */
export function describeRequestCosts({ idle, costs, streamRecord, unpriced }: RequestCosts, reconciliation: CostReconciliation): string {
  const { requestsMs, streamMs, pollersMs, measuredMs } = reconciliation;
  const kinds = costs.map(
    ({ kind, jvmMs, nodeMs }) => `${kindName(kind)} ×${kind.perPublish.toFixed(1)}: ${jvmMs.toFixed(1)} / ${nodeMs.toFixed(1)}`,
  );
  const missing =
    unpriced.length > 0 ? ` (not priced: ${unpriced.map((kind) => `${kindName(kind)} ×${kind.perPublish.toFixed(1)}`).join(', ')})` : '';
  const accounted = requestsMs + streamMs + pollersMs;
  return (
    `${kinds.join(', ')}${missing}; a stream record read ${streamRecord.jvmMs.toFixed(2)} / ${streamRecord.nodeMs.toFixed(2)}; ` +
    `idle stack ${idle.jvmMsPerSecond.toFixed(0)} / ${idle.nodeMsPerSecond.toFixed(0)} ms per s. ` +
    `Σ requests × cost = ${requestsMs.toFixed(0)} ms + stream records read ${streamMs.toFixed(0)} ms + pollers at the idle rate ${pollersMs.toFixed(0)} ms = ${accounted.toFixed(0)} ms ` +
    `vs measured JVM ${measuredMs.toFixed(0)} ms per publish (${Math.round((100 * accounted) / measuredMs)}%)`
  );
}
