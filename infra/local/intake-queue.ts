import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';

/** The Lambda-shaped consumer of a queue. */
export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined>;

/** Options of {@link createIntakeQueue}. */
export interface IntakeQueueOptions {
  readonly handler: SqsHandler;
  /** Dead-lettered messages are written here as JSON files. */
  readonly deadLetterDir: string;
  /** @default 10 */
  readonly batchSize?: number;
  /** Deliveries before a message is dead-lettered. @default 3 */
  readonly maxReceiveCount?: number;
  /** Batches handled at the same time, as concurrent Lambda invocations would. @default 2 */
  readonly concurrency?: number;
  /** Delay before a failed message is visible again, in ms. @default 500 */
  readonly visibilityTimeoutMs?: number;
  readonly onDeadLetter?: (record: SQSRecord, error: string) => void;
  /**
   * While this answers true, no new batch starts (batches in flight finish): the bulk lane yields to the
   * priority lane, because locally both share one process and one DynamoDB Local, which on AWS scale apart.
   */
  readonly holdWhile?: () => boolean;
}

/** An in-process stand-in for an SQS queue with an event source mapping. */
export interface IntakeQueue {
  send(body: string): void;
  /** Whether a message is waiting or in flight. */
  busy(): boolean;
  /** Starts waiting batches again (after a `holdWhile` hold ends). */
  resume(): void;
  /** Resolves when no message is waiting or in flight. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

interface Message {
  readonly id: string;
  readonly body: string;
  receiveCount: number;
  visibleAt: number;
}

/**
 * The intake queue: batches of up to `batchSize`, up to `concurrency` at a
 * time, partial batch failures
 * (only the reported messages return), redelivery after a visibility delay,
 * and a dead-letter folder after `maxReceiveCount` deliveries. Differences
 * from SQS: in memory (messages not yet handled are lost if the process
 * dies; the drafts themselves are not), no long polling costs.
 */
export function createIntakeQueue(options: IntakeQueueOptions): IntakeQueue {
  const batchSize = options.batchSize ?? 10;
  const maxReceiveCount = options.maxReceiveCount ?? 3;
  const visibilityTimeoutMs = options.visibilityTimeoutMs ?? 500;
  const concurrency = options.concurrency ?? 2;
  const waiting: Message[] = [];
  let inFlight = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let idleWaiters: Array<() => void> = [];

  const settleIdle = () => {
    if (waiting.length === 0 && inFlight === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters = [];
    }
  };

  const schedule = (delay = 0) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void pump(), delay);
  };

  async function pump(): Promise<void> {
    timer = undefined;
    if (stopped) return;
    const now = Date.now();
    while (inFlight < concurrency && !options.holdWhile?.()) {
      const batch = waiting.filter((message) => message.visibleAt <= now).slice(0, batchSize);
      if (batch.length === 0) break;
      for (const message of batch) waiting.splice(waiting.indexOf(message), 1);
      inFlight++;
      void invoke(batch).finally(() => {
        inFlight--;
        schedule();
      });
    }
    if (options.holdWhile?.()) {
      // Held: look again shortly (the hold may end without a resume call).
      if (waiting.length > 0) schedule(50);
    } else if (inFlight === 0) {
      const next = Math.min(...waiting.map((message) => message.visibleAt));
      if (Number.isFinite(next)) schedule(next - now);
      settleIdle();
    }
  }

  async function invoke(batch: Message[]): Promise<void> {
    const records = batch.map((message) => toRecord(message, ++message.receiveCount));
    let failed: Set<string>;
    let failure = '';
    try {
      const response = await options.handler({ Records: records });
      failed = new Set((response?.batchItemFailures ?? []).map((item) => item.itemIdentifier));
      if (failed.size > 0) failure = 'reported as a batch item failure';
    } catch (error) {
      failed = new Set(batch.map((message) => message.id));
      failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
    }
    for (const message of batch) {
      if (!failed.has(message.id)) continue;
      if (message.receiveCount >= maxReceiveCount) {
        await deadLetter(message, failure);
      } else {
        message.visibleAt = Date.now() + visibilityTimeoutMs;
        waiting.push(message);
      }
    }
  }

  async function deadLetter(message: Message, error: string): Promise<void> {
    await mkdir(options.deadLetterDir, { recursive: true });
    const record = toRecord(message, message.receiveCount);
    await writeFile(join(options.deadLetterDir, `${Date.now()}-${message.id}.json`), JSON.stringify({ record, error }, null, 2));
    options.onDeadLetter?.(record, error);
  }

  return {
    send(body) {
      waiting.push({ id: randomUUID(), body, receiveCount: 0, visibleAt: Date.now() });
      schedule();
    },
    busy: () => waiting.length > 0 || inFlight > 0,
    resume: () => schedule(),
    drained() {
      return new Promise((resolve) => {
        idleWaiters.push(resolve);
        settleIdle();
      });
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}

/** An SQS event of one message, as an event source mapping delivers it (first receive). */
export function sqsEventOf(body: string): SQSEvent {
  return { Records: [toRecord({ id: randomUUID(), body, receiveCount: 1, visibleAt: Date.now() }, 1)] };
}

function toRecord(message: Message, receiveCount: number): SQSRecord {
  const now = String(Date.now());
  return {
    messageId: message.id,
    receiptHandle: `${message.id}#${receiveCount}`,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(receiveCount),
      SentTimestamp: now,
      SenderId: 'local',
      ApproximateFirstReceiveTimestamp: now,
    },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:intake',
    awsRegion: 'us-east-1',
  };
}
