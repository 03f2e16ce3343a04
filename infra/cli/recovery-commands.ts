import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { articleStreamRecordSchema } from '../../events/article-stream-record';
import { isStage } from '../../shared/domain/lifecycle';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { publishScheduled } from '../../shared/use-cases/publish-scheduled';
import { reconcilePipeline, type ReconcileReport } from '../../shared/use-cases/reconcile-pipeline';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';

/** Where recovery acts: a table and the local stack's queues and dead-letter folders. */
export interface RecoveryTarget {
  readonly dynamodbEndpoint: string;
  readonly tableName: string;
  readonly sqsEndpoint: string;
  readonly intakeQueueUrl: string;
  readonly invalidationQueueUrl: string;
  /** Dead-lettered intake messages (`{ record, error }` files). */
  readonly intakeDeadLetterDir: string;
  /** Dead-lettered invalidation requests (`{ record, error }` files). */
  readonly invalidationDeadLetterDir: string;
  /** Stream batches a consumer gave up on (`{ consumer, records, error }` files). */
  readonly streamFailureDir: string;
}

/** The recovery target of the running local stack (from `$NEWSROOM_HOME/endpoints.json`). */
export async function localRecoveryTarget(home?: string): Promise<RecoveryTarget> {
  const paths = localPaths(home);
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  return {
    dynamodbEndpoint: endpoints.dynamodb,
    tableName: endpoints.tableName,
    sqsEndpoint: endpoints.sqs,
    intakeQueueUrl: endpoints.intakeQueueUrl,
    invalidationQueueUrl: endpoints.invalidationQueueUrl,
    intakeDeadLetterDir: paths.deadLetters,
    invalidationDeadLetterDir: paths.invalidationDeadLetters,
    streamFailureDir: paths.streamFailures,
  };
}

function tableOf(target: RecoveryTarget) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: target.dynamodbEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  return { client, tableName: target.tableName };
}

/** `newsroom reconcile`: one reconcile pass over the local table, as the scheduled function runs on AWS. */
export async function reconcileLocal(target: RecoveryTarget, options: { stuckAfterMs?: number } = {}): Promise<ReconcileReport> {
  const table = tableOf(target);
  const store = createArticleStore(table);
  const publishDeps = { store, related: createRelatedIndex(table) };
  return reconcilePipeline({
    heads: store,
    publishDue: (ref) => publishScheduled(publishDeps, ref),
    stuckAfterMs: options.stuckAfterMs,
  });
}

/** What `newsroom redrive` did. */
export interface RedriveReport {
  /** Intake messages sent back to the intake queue. */
  readonly intake: number;
  /** Invalidation requests sent back to the invalidation queue. */
  readonly invalidations: number;
  /** Article versions from stream failure records re-announced to their stage's consumer. */
  readonly nudged: readonly string[];
  /** Versions from stream failure records that had already moved on (nothing to do). */
  readonly movedOn: readonly string[];
}

const deadLetterSchema = z.object({ record: z.object({ body: z.string() }) });
const streamFailureSchema = z.object({ consumer: z.string(), records: z.array(z.unknown()) });

async function filesIn(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/**
 * `newsroom redrive`: replays what the local stack gave up on. Dead-lettered
 * intake messages and invalidation requests go back to their queues through
 * the SQS API (each is a whole S3 notification or request). A stream failure
 * record holds the records' new images, so each article version is
 * re-announced to its stage's consumer if it is still at that version and
 * stage (else it moved on and there is nothing to replay). Each file is
 * removed once replayed.
 */
export async function redriveLocal(target: RecoveryTarget): Promise<RedriveReport> {
  const sqs = new SQSClient({ endpoint: target.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const resend = async (dir: string, queueUrl: string): Promise<number> => {
    let count = 0;
    for (const file of await filesIn(dir)) {
      const { record } = deadLetterSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: record.body }));
      await unlink(file);
      count++;
    }
    return count;
  };
  try {
    const intake = await resend(target.intakeDeadLetterDir, target.intakeQueueUrl);
    const invalidations = await resend(target.invalidationDeadLetterDir, target.invalidationQueueUrl);
    const store = createArticleStore(tableOf(target));
    const nudged: string[] = [];
    const movedOn: string[] = [];
    const now = new Date().toISOString();
    for (const file of await filesIn(target.streamFailureDir)) {
      const failure = streamFailureSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      for (const raw of failure.records) {
        const parsed = articleStreamRecordSchema.safeParse(raw);
        if (!parsed.success) continue;
        const image = parsed.data.dynamodb.NewImage;
        const ref = { id: image.id.S, version: Number(image.version.N) };
        const label = `${ref.id} v${ref.version} (${image.stage.S})`;
        const stage = image.stage.S;
        const nudges = ((await store.getHead(ref.id))?.nudges ?? 0) + 1;
        // The store refuses a version or stage the head has left (or a stage no consumer waits at).
        if (isStage(stage) && (await store.transition(ref, { type: 'nudged', stage, at: now, nudges }))) nudged.push(label);
        else movedOn.push(label);
      }
      await unlink(file);
    }
    return { intake, invalidations, nudged, movedOn };
  } finally {
    sqs.destroy();
  }
}

/** One line per outcome, for the terminal. */
export function describeRecovery(report: ReconcileReport | RedriveReport): string {
  return Object.entries(report)
    .map(([what, value]) => `${what}: ${Array.isArray(value) ? (value.length > 0 ? value.join(', ') : 'none') : value}`)
    .join('\n');
}
