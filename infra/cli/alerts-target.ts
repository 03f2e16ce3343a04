import type { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { SSMClient } from '@aws-sdk/client-ssm';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { alertPayloadSchema, type AlertPayload } from '../../events/alert-payload';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createBatchQueue } from '../../shared/adapters/batch-queue';
import { createPushSubscriptionStore } from '../../shared/adapters/push-subscription-store';
import { createSendLedger } from '../../shared/adapters/send-ledger';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { ALERT_SENT_EVENTS, STAGES } from '../../shared/domain/lifecycle';
import { buildSubscriberAlert } from '../../shared/domain/publishing/subscriber-alert';
import type { ArticleStore } from '../../shared/ports/article-store';
import { transitionFirst } from '../../shared/use-cases/transition-first';
import type { FailedSend, ReplayDependencies } from '../../shared/use-cases/subscriptions/failed-sends';
import type { SendLedger } from '../../shared/adapters/send-ledger';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { LOCAL_NAMES } from '../local/local-names';
import { localPaths } from '../local/local-paths';
import { findStageResources, readStageParameters } from './stage-resources';

/** An in-doubt alert is resolved only once it has sat at `alerting` this long, so a publish under way is never raced. */
export const IN_DOUBT_AFTER_MS = 60_000;

/** Where `newsroom alerts` acts: the article and subscriber tables, and the batch queue the senders read. */
export interface AlertsTarget extends ReplayDependencies {
  readonly ledger: SendLedger;
  readonly articles: ArticleStore;
  /** Stops the clients. */
  close(): void;
}

/** The alert payload of article version `alertId` (`id#version`) as the notify function built it, if the story is still live. */
export async function alertFromArticles(articles: ArticleStore, siteUrl: string, alertId: string): Promise<AlertPayload | undefined> {
  const match = /^(.+)#(\d+)$/.exec(alertId);
  if (!match) return undefined;
  const [, id = '', version] = match;
  const head = await articles.getHead(id);
  if (head?.status !== 'published') return undefined;
  // The version item holds the whole version, takeaways included (the head does not).
  const article = (await articles.listVersions(id)).find((v) => v.version === Number(version));
  if (!article) return undefined;
  const { sqs } = buildSubscriberAlert(article, siteUrl).message;
  return sqs ? alertPayloadSchema.parse(JSON.parse(sqs)) : undefined;
}

/** The alerts target of the running local stack (from `$NEWSROOM_HOME/endpoints.json`). */
export async function localAlertsTarget(home?: string): Promise<AlertsTarget> {
  const paths = localPaths(home);
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  const raw = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const sqs = new SQSClient({ endpoint: endpoints.sqs, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return alertsTarget(raw, sqs, {
    articleTableName: endpoints.tableName,
    subscriberTableName: endpoints.subscriberTableName,
    siteUrl: endpoints.site,
    // The local SQS endpoint names every queue under the same account path as the intake queue.
    batchQueueUrl: new URL(LOCAL_NAMES.emailBatchQueue, endpoints.intakeQueueUrl).toString(),
  });
}

/** The logical-id prefix of a readers stage's email batch queue in the App stack (the `Readers` construct's `BatchQueue`). */
export const EMAIL_BATCH_QUEUE_PREFIX = 'ReadersBatchQueue';

/** The AWS clients a stage's alerts target uses (the caller's credentials and Region by default). */
export interface AlertsStageClients {
  readonly ssm: SSMClient;
  readonly sqs: SQSClient;
  readonly dynamodb: DynamoDBClient;
  readonly cloudformation: CloudFormationClient;
}

/**
 * The alerts target of a deployed stage with readers: the article and
 * subscriber tables and the site URL by the SSM parameters its Data stack
 * writes, the email batch queue by its App logical id. The same commands run
 * against it as locally, with the caller's credentials.
 */
export async function stageAlertsTarget(stage: string, clients: Partial<AlertsStageClients> = {}): Promise<AlertsTarget> {
  const values = await readStageParameters(stage, ['articleTableName', 'subscriberTableName', 'siteUrl'], clients.ssm);
  const queues = await findStageResources(stage, ['AWS::SQS::Queue'], clients.cloudformation);
  const batchQueue = queues.find((queue) => queue.logicalId.startsWith(EMAIL_BATCH_QUEUE_PREFIX));
  if (!batchQueue) throw new Error(`stage "${stage}" has no email batch queue (${EMAIL_BATCH_QUEUE_PREFIX}…): is readers on?`);
  const raw = clients.dynamodb ?? new DynamoDBClient({});
  const sqs = clients.sqs ?? new SQSClient({});
  return alertsTarget(raw, sqs, { ...values, batchQueueUrl: batchQueue.physicalId });
}

function alertsTarget(
  raw: DynamoDBClient,
  sqs: SQSClient,
  where: { articleTableName: string; subscriberTableName: string; siteUrl: string; batchQueueUrl: string },
): AlertsTarget {
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const articles = createArticleStore({ client, tableName: where.articleTableName });
  const subscribers = { client, tableName: where.subscriberTableName };
  return {
    ledger: createSendLedger(subscribers),
    readers: createSubscriberStore(subscribers),
    browsers: createPushSubscriptionStore(subscribers),
    articles,
    alertFor: (alertId) => alertFromArticles(articles, where.siteUrl, alertId),
    queue: createBatchQueue({ client: sqs, queueUrl: where.batchQueueUrl }),
    close() {
      sqs.destroy();
      raw.destroy();
    },
  };
}

/** An alert claimed and never recorded as sent. */
export interface InDoubtAlert {
  readonly id: string;
  readonly version: number;
  /** When it was claimed (or its version written, if older heads recorded no claim time). */
  readonly since: string;
}

/** Alerts at `alerting` for longer than {@link IN_DOUBT_AFTER_MS}. */
export async function listInDoubtAlerts(heads: Pick<ArticleStore, 'listUnfinished'>, now = new Date()): Promise<InDoubtAlert[]> {
  return (await heads.listUnfinished())
    .filter((head) => head.stage === STAGES.alerting)
    .map((head) => ({ id: head.id, version: head.version, since: head.stageSince ?? head.updatedAt }))
    .filter((alert) => now.getTime() - Date.parse(alert.since) >= IN_DOUBT_AFTER_MS);
}

/**
 * Resolves an in-doubt alert of article `id`: `resend` gives the claim back so
 * the notify function publishes it again (readers who already got it may get
 * it twice: only the email and web-push senders' ledger absorbs a second
 * publish of the same alert, app endpoints do not); `mark-sent` records it as
 * sent. Only an alert in doubt for {@link IN_DOUBT_AFTER_MS} is touched.
 * @returns false when the article has no alert in doubt.
 */
export async function resolveInDoubtAlert(
  target: Pick<AlertsTarget, 'articles'>,
  id: string,
  action: 'resend' | 'mark-sent',
  now = new Date(),
): Promise<boolean> {
  const alert = (await listInDoubtAlerts(target.articles, now)).find((a) => a.id === id);
  if (!alert) return false;
  return action === 'resend'
    ? target.articles.transition(alert, { type: 'alertReplayed' })
    : transitionFirst(target.articles, alert, ALERT_SENT_EVENTS);
}

/** One line per failed recipient. */
export function describeFailedSends(rows: readonly FailedSend[]): string {
  if (rows.length === 0) return 'No failed sends.';
  return rows
    .map(
      (row) =>
        `${row.alertId}  ${row.channel}  ${row.address}  ${row.state}${row.replays > 0 ? ` after ${row.replays} replay(s)` : ''}  (first: ${row.first}: ${row.reason})`,
    )
    .join('\n');
}

/** The in-doubt alerts, one line each. */
export function describeInDoubt(alerts: readonly InDoubtAlert[]): string {
  if (alerts.length === 0) return 'No alerts in doubt.';
  return alerts
    .map((a) => `${a.id} v${a.version}: claimed ${a.since}, never recorded as sent  (newsroom alerts --resend ${a.id} | --mark-sent ${a.id})`)
    .join('\n');
}
