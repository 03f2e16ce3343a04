import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AsyncLocalStorage } from 'node:async_hooks';

/** A client class whose requests the gate can hold (every SDK v3 client has `send` on its prototype). */
type SendingClass = { prototype: { send: (...args: unknown[]) => Promise<unknown> } };

/**
 * The clients whose requests carry the work the lanes compete for locally: DynamoDB Local's JVM and s3rver. Not
 * SNS: an alert's publish is sent once, never retried (a retry could send it twice), and a publish held past the
 * local endpoint's keep-alive time would go out on a socket the server has just closed (ECONNRESET: in doubt);
 * the held requests here are retried by their SDK if that happens.
 */
const GATED_CLIENTS: readonly SendingClass[] = [DynamoDBClient, DynamoDBDocumentClient, S3Client] as unknown as SendingClass[];

/** How often a held request looks again. */
const RECHECK_MS = 10;

/** A lane gate: work run in a named lane, whose requests wait while that lane's hold answers true. */
export interface LaneGate<Lane extends string> {
  /** Runs an invocation in `lane`: while the lane's hold answers true, each request it sends waits before it goes out. */
  run<T>(lane: Lane, work: () => Promise<T>): Promise<T>;
  /** Restores the clients' own `send`. */
  stop(): void;
}

/**
 * Locally every function shares one process, two cores and one DynamoDB Local,
 * so a burst's invocations already in flight (twenty drafts of two ingest
 * batches, a render batch of a hundred heads) would keep the JVM's queue full
 * while a breaking article's requests wait in it. The gate holds the next
 * DynamoDB and S3 request of every invocation run in a lane while that
 * lane's hold answers true (a request held has not started: its SDK timeout
 * has not begun; requests already sent finish), so the work that must go
 * first has the JVM and the CPU to itself. Difference from AWS: there each
 * invocation has its own instance and DynamoDB scales apart, so nothing is
 * held; the lanes' queues and stream mappings (the part that is the same on
 * AWS) still decide the order.
 */
export function createLaneGate<Lane extends string>(holds: Readonly<Record<Lane, () => boolean>>): LaneGate<Lane> {
  const current = new AsyncLocalStorage<Lane>();
  const restore: Array<() => void> = [];
  const held = () => {
    const lane = current.getStore();
    return lane !== undefined && holds[lane]();
  };
  for (const client of GATED_CLIENTS) {
    const own = Object.hasOwn(client.prototype, 'send');
    const original = client.prototype.send;
    client.prototype.send = async function (this: unknown, ...args: unknown[]) {
      while (held()) await new Promise((resolve) => setTimeout(resolve, RECHECK_MS));
      return original.apply(this, args);
    };
    restore.push(() => {
      if (own) client.prototype.send = original;
      else delete (client.prototype as { send?: unknown }).send;
    });
  }
  return {
    run: (lane, work) => current.run(lane, work),
    stop() {
      for (const undo of restore.reverse()) undo();
      restore.length = 0;
    },
  };
}
