import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreatePlatformApplicationCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ENV } from '../../events/names';
import { ALERT_PLAN_BATCH_SIZE, SUBSCRIBER_ENV } from '../../events/subscriber-names';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { subscriberIdFor } from '../../shared/domain/subscriptions/signed-token';
import { createSecretLoader } from '../../shared/adapters/link-secret';
import { createIntakeQueue } from './intake-queue';
import { lambdaContext } from './lambda-context';
import { localHttpApi } from './local-api';
import { LOCAL_NAMES } from './local-names';
import type { LocalPaths } from './local-paths';
import { ensureSecretFile, ensureSubscriberTable, ensureVapidKeys } from './provision-subscribers';
import { startSesLocal } from './ses-local';
import type { SqsEndpoint } from './sqs-endpoint';

/** The ARN the local alerts-topic subscription names for the alert queue. */
export const LOCAL_ALERT_QUEUE_ARN = `arn:aws:sqs:us-east-1:000000000000:${LOCAL_NAMES.alertQueue}`;

/** Example reader confirmed on a fresh local stack, following everything, so a newcomer sees an alert email arrive. */
export const EXAMPLE_READER = 'reader@example.com';

/** Options of {@link startSubscriberRuntime}. */
export interface SubscriberRuntimeOptions {
  readonly paths: LocalPaths;
  readonly dynamodbEndpoint: string;
  readonly sns: SNSClient;
  readonly alertsTopicArn: string;
  /** The local SQS endpoint the stack started; the email batch queue is added to it. */
  readonly sqs: SqsEndpoint;
  readonly sesPort?: number;
  readonly log: (line: string) => void;
}

/** The reader side of the local stack. */
export interface SubscriberRuntime {
  /** The SES endpoint and mail viewer. */
  readonly mailUrl: string;
  /** Serves `/api/*` (what the distribution's function-URL origin does). */
  readonly api: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
  /** Hands an SNS delivery to the queue its `sqs` subscription names. @returns false for another endpoint. */
  deliver(endpoint: string, message: string): boolean;
  drained(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the subscriber side with the handlers that run on AWS: aws-ses-v2-local
 * as SES, the subscriber table, the alert queue subscribed (raw) to the alerts
 * topic → the planner → the local SQS endpoint → the batch queue → the email
 * and web-push sender, and the subscription API. Web push goes to whatever
 * push service a browser subscribed with (tests run `push/push-service.ts`). Expects `SITE_URL` and the AWS
 * endpoint variables to be set; sets the subscriber ones.
 */
export async function startSubscriberRuntime(options: SubscriberRuntimeOptions): Promise<SubscriberRuntime> {
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const ses = await startSesLocal({ port: options.sesPort ?? 0 });
    stoppers.push(() => ses.stop());
    await ensureSubscriberTable(new DynamoDBClient({ endpoint: options.dynamodbEndpoint }), LOCAL_NAMES.subscriberTable);
    await ensureSecretFile(options.paths.subscriptionSecret);
    const vapidPublicKey = await ensureVapidKeys(options.paths.vapidPublicKey, options.paths.vapidPrivateKey);

    let toBatchQueue: (body: string) => void = () => undefined;
    const { sqs } = options;
    sqs.addQueue(LOCAL_NAMES.emailBatchQueue, (body) => toBatchQueue(body));
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SESV2: ses.url,
      [SUBSCRIBER_ENV.tableName]: LOCAL_NAMES.subscriberTable,
      [SUBSCRIBER_ENV.secretFile]: options.paths.subscriptionSecret,
      [SUBSCRIBER_ENV.fromAddress]: LOCAL_NAMES.fromAddress,
      [SUBSCRIBER_ENV.emailBatchQueueUrl]: sqs.queueUrl(LOCAL_NAMES.emailBatchQueue),
      [SUBSCRIBER_ENV.vapidPublicKey]: vapidPublicKey,
      [SUBSCRIBER_ENV.vapidPrivateKeyFile]: options.paths.vapidPrivateKey,
      // aws-ses-v2-local has no quota; a deployed stage sets its share of the SES rate.
      [SUBSCRIBER_ENV.sendRatePerSecond]: process.env[SUBSCRIBER_ENV.sendRatePerSecond] ?? '500',
    });
    // Mobile push: one platform application per platform, as a stage names its own (the local credential is a placeholder).
    const applications = await ensurePlatformApplications(options.sns);
    Object.assign(process.env, {
      [SUBSCRIBER_ENV.apnsApplicationArn]: applications.apns,
      [SUBSCRIBER_ENV.fcmApplicationArn]: applications.fcm,
      [ENV.alertsTopicArn]: options.alertsTopicArn,
    });
    if (!process.env[ENV.siteUrl]) throw new Error(`${ENV.siteUrl} must be set before the subscriber runtime starts`);

    const { handler: plan } = await import('../../functions/plan-alert-emails/handler');
    const { handler: send } = await import('../../functions/send-alert-emails/handler');
    const { handler: api } = await import('../../functions/subscription-api/handler');
    const deadLetter = (queue: string) => (_: unknown, error: string) =>
      options.log(`${queue} message dead-lettered after retries: ${error.split('\n')[0]}`);
    const alertQueue = createIntakeQueue({
      handler: (event) => plan(event, lambdaContext('plan-alert-emails')),
      deadLetterDir: options.paths.alertDeadLetters,
      batchSize: ALERT_PLAN_BATCH_SIZE,
      onDeadLetter: deadLetter('alert'),
    });
    stoppers.push(() => alertQueue.stop());
    const batchQueue = createIntakeQueue({
      handler: (event) => send(event, lambdaContext('send-alert-emails')),
      deadLetterDir: options.paths.alertDeadLetters,
      batchSize: 1,
      concurrency: 4,
      onDeadLetter: deadLetter('email batch'),
    });
    stoppers.push(() => batchQueue.stop());
    toBatchQueue = (body) => batchQueue.send(body);

    await options.sns.send(
      new SubscribeCommand({
        TopicArn: options.alertsTopicArn,
        Protocol: 'sqs',
        Endpoint: LOCAL_ALERT_QUEUE_ARN,
        Attributes: { RawMessageDelivery: 'true' },
      }),
    );
    await seedExampleReader(options.paths.subscriptionSecret);

    return {
      mailUrl: ses.url,
      api: localHttpApi(api, 'subscription-api'),
      deliver(endpoint, message) {
        if (endpoint !== LOCAL_ALERT_QUEUE_ARN) return false;
        alertQueue.send(message);
        return true;
      },
      async drained() {
        await alertQueue.drained();
        await batchQueue.drained();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function seedExampleReader(secretFile: string): Promise<void> {
  const store = createSubscriberStore({ client: createDynamoDbClient(), tableName: LOCAL_NAMES.subscriberTable });
  const id = subscriberIdFor(EXAMPLE_READER, await createSecretLoader({ file: secretFile })());
  if (await store.get(id)) return;
  await store.upsertPending({ id, email: EXAMPLE_READER, sections: [], tags: [], breakingOnly: false }, new Date());
  await store.activate(id, new Date());
}

/** The local platform applications (APNs sandbox, FCM) the device API registers endpoints under. */
async function ensurePlatformApplications(sns: SNSClient): Promise<{ apns: string; fcm: string }> {
  const create = async (name: string, platform: string) => {
    const { PlatformApplicationArn } = await sns.send(
      new CreatePlatformApplicationCommand({
        Name: name,
        Platform: platform,
        Attributes: { PlatformCredential: 'local-placeholder-not-a-credential' },
      }),
    );
    if (!PlatformApplicationArn) throw new Error(`The local SNS endpoint returned no ARN for ${name}`);
    return PlatformApplicationArn;
  };
  return { apns: await create(LOCAL_NAMES.apnsApplication, 'APNS_SANDBOX'), fcm: await create(LOCAL_NAMES.fcmApplication, 'GCM') };
}
