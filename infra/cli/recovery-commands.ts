import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { GetQueueUrlCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { SSMClient } from '@aws-sdk/client-ssm';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { articleStreamRecordSchema } from '../../events/article-stream-record';
import { isStage } from '../../shared/domain/lifecycle';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { publishScheduled } from '../../shared/use-cases/publish-scheduled';
import { reconcilePipeline, type ReconcileReport } from '../../shared/use-cases/reconcile-pipeline';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';
import {
  type DeadLetters,
  deadLetterFolder,
  deadLetterQueue,
  failureRecordBucket,
  failureRecordFolder,
  type StreamFailureRecords,
} from './recovery-sources';
import { findStageResources, readStageParameters } from './stage-resources';

/** Where recovery acts: the article table, the queues to replay into, and what was given up on. */
export interface RecoveryTarget {
  readonly table: { readonly client: DynamoDBDocumentClient; readonly tableName: string };
  readonly sqs: SQSClient;
  readonly intakeQueueUrl: string;
  readonly invalidationQueueUrl: string;
  /** Dead-lettered intake messages (whole S3 notifications). */
  readonly intakeDeadLetters: DeadLetters;
  /** Dead-lettered invalidation requests. */
  readonly invalidationDeadLetters: DeadLetters;
  /** Stream batches a consumer gave up on, with their records. */
  readonly streamFailures: StreamFailureRecords;
}

/** The recovery target of the running local stack (from `$NEWSROOM_HOME/endpoints.json`): its folders of given-up work. */
export async function localRecoveryTarget(home?: string): Promise<RecoveryTarget> {
  const paths = localPaths(home);
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  const local = { region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS };
  return {
    table: documentTable(new DynamoDBClient({ ...local, endpoint: endpoints.dynamodb }), endpoints.tableName),
    sqs: new SQSClient({ ...local, endpoint: endpoints.sqs }),
    intakeQueueUrl: endpoints.intakeQueueUrl,
    invalidationQueueUrl: endpoints.invalidationQueueUrl,
    intakeDeadLetters: deadLetterFolder(paths.deadLetters),
    invalidationDeadLetters: deadLetterFolder(paths.invalidationDeadLetters),
    streamFailures: failureRecordFolder(paths.streamFailures),
  };
}

/** Logical-id prefixes of the App stack's queues a stage's redrive uses (they are App's own, so not in SSM). */
export const APP_QUEUE_PREFIXES = { invalidations: 'InvalidationQueue', invalidationDeadLetters: 'InvalidationDeadLetterQueue' } as const;

/** The stage parameters (`STAGE_PARAMETER_KEYS`) a stage's redrive reads. */
export const RECOVERY_PARAMETER_KEYS = ['articleTableName', 'intakeQueueArn', 'intakeDeadLetterQueueArn', 'streamFailureBucketName'] as const;

/** The AWS clients a stage's recovery target uses (the caller's credentials and Region by default). */
export interface StageClients {
  readonly ssm: SSMClient;
  readonly sqs: SQSClient;
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBClient;
  readonly cloudformation: CloudFormationClient;
}

/**
 * The recovery target of a deployed stage: the Data stack's table, intake
 * queues and stream failure bucket by the SSM parameters it writes
 * (`infra/config/stage-parameters.ts`), the App stack's invalidation queues
 * by their logical ids. The same redrive runs against it as locally.
 */
export async function stageRecoveryTarget(stage: string, clients: Partial<StageClients> = {}): Promise<RecoveryTarget> {
  const ssm = clients.ssm ?? new SSMClient({});
  const sqs = clients.sqs ?? new SQSClient({});
  const values = await readStageParameters(stage, RECOVERY_PARAMETER_KEYS, ssm);
  const value = (key: (typeof RECOVERY_PARAMETER_KEYS)[number]) => values[key];
  const queueUrl = async (arn: string) => {
    const [, , , , account, name] = arn.split(':');
    return (await sqs.send(new GetQueueUrlCommand({ QueueName: name, QueueOwnerAWSAccountId: account }))).QueueUrl ?? '';
  };
  const appQueues = await findStageResources(stage, ['AWS::SQS::Queue'], clients.cloudformation);
  const appQueue = (prefix: string) => {
    const found = appQueues.find((queue) => queue.logicalId.startsWith(prefix));
    if (!found) throw new Error(`stage "${stage}" has no queue ${prefix}`);
    return found.physicalId;
  };
  const invalidationDeadLetterUrl = appQueue(APP_QUEUE_PREFIXES.invalidationDeadLetters);
  return {
    table: documentTable(clients.dynamodb ?? new DynamoDBClient({}), value('articleTableName')),
    sqs,
    intakeQueueUrl: await queueUrl(value('intakeQueueArn')),
    invalidationQueueUrl: appQueue(APP_QUEUE_PREFIXES.invalidations),
    intakeDeadLetters: deadLetterQueue(sqs, await queueUrl(value('intakeDeadLetterQueueArn'))),
    invalidationDeadLetters: deadLetterQueue(sqs, invalidationDeadLetterUrl),
    streamFailures: failureRecordBucket(clients.s3 ?? new S3Client({}), value('streamFailureBucketName')),
  };
}

function documentTable(client: DynamoDBClient, tableName: string): RecoveryTarget['table'] {
  return { client: DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } }), tableName };
}

/** `newsroom reconcile`: one reconcile pass over the table, as the scheduled function runs on AWS. */
export async function reconcileLocal(target: RecoveryTarget, options: { stuckAfterMs?: number } = {}): Promise<ReconcileReport> {
  const table = target.table;
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
  /** Stream failure records replayed (each a batch). */
  readonly streamFailures: number;
  /** Article versions from stream failure records re-announced to their stage's consumer. */
  readonly nudged: readonly string[];
  /** Versions from stream failure records that had already moved on (nothing to do). */
  readonly movedOn: readonly string[];
}

/**
 * `newsroom redrive [--stage S]`: replays what the pipeline gave up on, the
 * same way against the local stack and a deployed stage. Dead-lettered intake
 * messages and invalidation requests go back to their queues (each is a whole
 * S3 notification or request). A stream failure record holds the records'
 * new images, so each article version is re-announced to its stage's
 * consumer if it is still at that version and stage (else it moved on and
 * there is nothing to replay). Each message or record is removed once replayed.
 */
export async function redrive(target: RecoveryTarget): Promise<RedriveReport> {
  const resend = (queueUrl: string) => async (body: string) => {
    await target.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  };
  const intake = await target.intakeDeadLetters.drain(resend(target.intakeQueueUrl));
  const invalidations = await target.invalidationDeadLetters.drain(resend(target.invalidationQueueUrl));
  const store = createArticleStore(target.table);
  const nudged: string[] = [];
  const movedOn: string[] = [];
  const now = new Date().toISOString();
  const streamFailures = await target.streamFailures.drain(async (records) => {
    for (const raw of records) {
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
  });
  return { intake, invalidations, streamFailures, nudged, movedOn };
}

/** One line per outcome, for the terminal. */
export function describeRecovery(report: ReconcileReport | RedriveReport): string {
  return Object.entries(report)
    .map(([what, value]) => `${what}: ${Array.isArray(value) ? (value.length > 0 ? value.join(', ') : 'none') : value}`)
    .join('\n');
}
