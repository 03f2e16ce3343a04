import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DRAFTS_PREFIX, ENV, INGEST_LANES, isDraftKey, PREVIEWS_PREFIX } from '../../events/names';
import { streamFailureRecord } from '../../events/stream-failure-record';
import { STREAM_BATCH_SIZES, STREAM_CONSUMER_NAME, STREAM_FILTERS, type StreamMapping } from '../../shared/adapters/article-stream-filters';
import { createAwsClients } from '../../shared/config/aws-clients';
import { startCdnServer } from './cdn-server';
import { startCloudFrontApiServer } from './cloudfront/cloudfront-api-server';
import { startPreviewSweeper } from './preview-sweeper';
import { watchDraftsFolder } from './drafts-watcher';
import { METRICS_FILE_ENV } from '../../shared/config/metrics-config';
import { startDynamoDbLocal } from './dynamodb-local';
import type { Endpoints } from './endpoints';
import type { Context, DynamoDBStreamEvent, SQSEvent, SQSRecord } from 'aws-lambda';
import { createIntakeQueue, sqsEventOf } from './intake-queue';
import { createLaneGate } from './lane-gate';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './local-credentials';
import { lambdaContext } from './lambda-context';
import { LOCAL_NAMES } from './local-names';
import { localPaths } from './local-paths';
import { ensureArticleTable, ensureTopics } from './provision';
import { startS3Local } from './s3-local';
import { startSchedulerServer } from './scheduler/scheduler-server';
import { startSnsServer } from './sns/sns-server';
import { startSqsEndpoint } from './sqs-endpoint';
import { type StreamConsumerBinding, startStreamPoller } from './stream-poller';
import { startSubscriberRuntime, type SubscriberRuntime } from './subscriber-runtime';

/** Options of {@link startLocalStack}; every port 0 means "any free port". */
export interface LocalStackOptions {
  /** State folder. @default NEWSROOM_HOME or `.newsroom` */
  readonly home?: string;
  /** Watched drafts folder. @default NEWSROOM_DRAFTS or `drafts` */
  readonly draftsDir?: string;
  /** Watched previews folder. @default NEWSROOM_PREVIEWS or `previews` beside the drafts folder */
  readonly previewsDir?: string;
  /** Drafts uploaded at start (examples; images in its `images/` folder first). @default none */
  readonly seedDir?: string;
  readonly sitePort?: number;
  readonly s3Port?: number;
  readonly dynamodbPort?: number;
  readonly snsPort?: number;
  readonly schedulerPort?: number;
  readonly cloudfrontPort?: number;
  readonly sqsPort?: number;
  /** How long a local CloudFront invalidation stays in progress. @default 60 s */
  readonly invalidationCompleteAfterMs?: number;
  /** aws-ses-v2-local (SES and its mail viewer); its URL is `mail` in endpoints.json. @default any free port */
  readonly sesPort?: number;
  /** Human-readable progress lines (rejections, alerts, failures). */
  readonly log?: (line: string) => void;
}

/** A running local stack. */
export interface LocalStack {
  readonly endpoints: Endpoints;
  /** Resolves when every queued draft and stream record has been handled. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

const DRAFTS_BUCKET = LOCAL_NAMES.draftsBucket;
/** How long after breaking work was last seen in the priority lanes the bulk lanes keep holding (see priorityBusy). */
const PRIORITY_LINGER_MS = 200;
const SITE_BUCKET = LOCAL_NAMES.siteBucket;
const TABLE_NAME = LOCAL_NAMES.tableName;

/**
 * Starts the whole pipeline on this machine: DynamoDB Local, s3rver, the
 * local SNS endpoint, the intake queue, the stream poller and the CDN server,
 * with the same handlers that run on AWS. Writes `endpoints.json` when ready.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const paths = localPaths(options.home);
  const draftsDir = resolve(options.draftsDir ?? process.env.NEWSROOM_DRAFTS ?? 'drafts');
  const previewsDir = resolve(options.previewsDir ?? process.env.NEWSROOM_PREVIEWS ?? join(dirname(draftsDir), 'previews'));
  const log = options.log ?? (() => undefined);
  await mkdir(paths.home, { recursive: true });
  const stoppers: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
    stoppers.length = 0;
  };

  let subscribers: SubscriberRuntime | undefined;

  try {
    const dynamodb = await startDynamoDbLocal({ dataDir: paths.dynamodb, port: options.dynamodbPort ?? 8000 });
    stoppers.push(() => dynamodb.stop());
    const sns = await startSnsServer({
      port: options.snsPort ?? 9911,
      stateDir: paths.sns,
      outboxDir: paths.outbox,
      onDelivery: (delivery) => {
        if (delivery.protocol === 'sqs' && subscribers?.deliver(delivery.endpoint, delivery.message)) return;
        if (delivery.topicArn.endsWith(':newsroom-editors')) log(delivery.message);
        else log(`alert → ${delivery.protocol}:${delivery.endpoint}: ${delivery.subject ?? ''}`);
      },
    });
    stoppers.push(() => sns.close());

    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_SNS: sns.url,
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      // Tracing is off outside Lambda; in its default mode the X-Ray SDK still installs an async hook on load that
      // tracks every promise of the process (all functions and stand-ins share it here), slowing each one ~20-fold.
      AWS_XRAY_MANUAL_MODE: 'true',
      // The functions' EMF metrics and milestones, which `newsroom timeline` reads (CloudWatch Logs on AWS).
      [METRICS_FILE_ENV]: paths.metricsFile,
    });

    let enqueue: (body: string) => void = () => undefined;
    const s3Port = options.s3Port ?? 4568;
    const s3 = await startS3Local({
      directory: paths.s3,
      port: s3Port,
      buckets: [DRAFTS_BUCKET, SITE_BUCKET],
      notifying: [DRAFTS_BUCKET],
      onEvent: (record) => {
        // The bucket notifications on AWS cover only draft keys (prefix and suffix filters) and uploads under previews/.
        const key = record.s3.object.key;
        const preview = key.startsWith(PREVIEWS_PREFIX) && record.eventName.startsWith('ObjectCreated');
        if (record.s3.bucket.name === DRAFTS_BUCKET && (isDraftKey(key) || preview)) {
          enqueue(JSON.stringify({ Records: [record] }));
        }
      },
    });
    stoppers.push(() => s3.stop());
    process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;

    const clients = createAwsClients();
    const tableClient = new DynamoDBClient({ endpoint: dynamodb.endpoint });
    const streamArn = await ensureArticleTable(tableClient, TABLE_NAME);
    const topics = await ensureTopics(clients.sns);

    const cdnPort = options.sitePort ?? Number(process.env.PORT ?? 3000);
    const cdn = await startCdnServer({
      client: clients.s3,
      bucket: SITE_BUCKET,
      port: cdnPort,
      api: async (request, response) => {
        if (subscribers) return subscribers.api(request, response);
        response.writeHead(503, { 'retry-after': '1' }).end('Starting');
      },
    });
    stoppers.push(() => cdn.stop());
    const cloudfront = await startCloudFrontApiServer({
      port: options.cloudfrontPort ?? 9913,
      distributionIds: [LOCAL_NAMES.distributionId],
      completeAfterMs: options.invalidationCompleteAfterMs,
      onRejected: (error) => log(`CloudFront refused an invalidation: ${error.code}: ${error.message}`),
    });
    stoppers.push(() => cloudfront.close());
    let enqueueInvalidation: (body: string) => void = () => undefined;
    const lanes: Record<'priority' | 'bulk', (body: string) => void> = { priority: () => undefined, bulk: () => undefined };
    const sqs = await startSqsEndpoint({
      port: options.sqsPort ?? 9914,
      queues: {
        [LOCAL_NAMES.intakeQueue]: (body) => enqueue(body),
        [LOCAL_NAMES.priorityQueue]: (body) => lanes.priority(body),
        [LOCAL_NAMES.bulkQueue]: (body) => lanes.bulk(body),
        [LOCAL_NAMES.invalidationQueue]: (body) => enqueueInvalidation(body),
      },
    });
    stoppers.push(() => sqs.close());
    const invalidationQueueUrl = sqs.queueUrl(LOCAL_NAMES.invalidationQueue);
    const sweeper = startPreviewSweeper({ client: clients.s3, bucket: SITE_BUCKET, onError: (message) => log(`preview sweep: ${message}`) });
    stoppers.push(async () => sweeper.stop());

    Object.assign(process.env, {
      [ENV.tableName]: TABLE_NAME,
      [ENV.draftsBucket]: DRAFTS_BUCKET,
      [ENV.siteBucket]: SITE_BUCKET,
      [ENV.alertsTopicArn]: topics.alertsTopicArn,
      [ENV.editorsTopicArn]: topics.editorsTopicArn,
      [ENV.siteUrl]: cdn.url,
      [ENV.distributionId]: LOCAL_NAMES.distributionId,
      [ENV.invalidationQueueUrl]: invalidationQueueUrl,
      [ENV.priorityQueueUrl]: sqs.queueUrl(LOCAL_NAMES.priorityQueue),
      [ENV.bulkQueueUrl]: sqs.queueUrl(LOCAL_NAMES.bulkQueue),
      AWS_ENDPOINT_URL_CLOUDFRONT: cloudfront.url,
      AWS_ENDPOINT_URL_SQS: sqs.url,
    });
    subscribers = await startSubscriberRuntime({
      paths,
      dynamodbEndpoint: dynamodb.endpoint,
      sns: clients.sns,
      alertsTopicArn: topics.alertsTopicArn,
      sqs,
      sesPort: options.sesPort,
      log,
    });
    stoppers.push(() => subscribers?.stop() ?? Promise.resolve());
    // The scheduler fires overdue schedules as soon as it starts, so the publish handler is loaded first.
    const { handler: publishScheduled } = await import('../../functions/publish-scheduled/handler');
    const scheduler = await startSchedulerServer({
      port: options.schedulerPort ?? 9912,
      stateDir: paths.scheduler,
      // Scheduler sends to the publish queue, whose consumer is the publish function; locally the scheduler's own
      // retries stand in for the queue's.
      invoke: async (arn, input) => {
        if (arn !== LOCAL_NAMES.publishTargetArn) throw new Error(`No local queue for ${arn}`);
        const response = await publishScheduled(sqsEventOf(input), lambdaContext('publish-scheduled'));
        const failed = response.batchItemFailures.length;
        if (failed > 0) throw new Error(`publish-scheduled failed ${failed} message(s): ${input}`);
      },
      onFailure: (failure) => log(`scheduled publish ${failure.name} failed after ${failure.attempts} attempts: ${failure.error.split('\n')[0]}`),
    });
    stoppers.push(() => scheduler.close());
    Object.assign(process.env, {
      AWS_ENDPOINT_URL_SCHEDULER: scheduler.url,
      [ENV.scheduleGroupName]: LOCAL_NAMES.scheduleGroup,
      [ENV.schedulerRoleArn]: LOCAL_NAMES.schedulerRoleArn,
      [ENV.publishTargetArn]: LOCAL_NAMES.publishTargetArn,
    });
    const { handler: triage } = await import('../../functions/triage-draft/handler');
    const { handler: ingest } = await import('../../functions/ingest-draft/handler');
    // A module instance of its own, as a separate Lambda instance on AWS: its own clients and sockets, so a breaking
    // draft's requests never queue behind a burst's in one shared connection pool.
    const { handler: ingestPriority } = (await import(
      // @ts-expect-error A query string makes Node load a second instance of the same module.
      '../../functions/ingest-draft/handler.ts?lane=priority'
    )) as typeof import('../../functions/ingest-draft/handler');
    const { handler: streamConsumer } = await import('../../functions/stream-consumer/handler');
    // The priority mapping's own instance (see ingestPriority).
    const { handler: streamBreaking } = (await import(
      // @ts-expect-error A query string makes Node load a second instance of the same module.
      '../../functions/stream-consumer/handler.ts?lane=priority'
    )) as typeof import('../../functions/stream-consumer/handler');
    const { handler: invalidateCdn } = await import('../../functions/invalidate-cdn/handler');

    const deadLettered = (record: SQSRecord, error: string) => log(`intake message dead-lettered after retries: ${record.body}\n${error}`);
    // Intake → triage → the priority lane (breaking drafts, one at a time, on a slot of its own) or the bulk lane.
    const queue = createIntakeQueue({
      handler: (event) => triage(event, lambdaContext('triage-draft')),
      // Lambda scales an SQS source out to many concurrent batches within seconds of a backlog; triage is cheap.
      concurrency: 10,
      deadLetterDir: paths.deadLetters,
      onDeadLetter: deadLettered,
    });
    const ingestLane = (
      handler: (event: SQSEvent, context: Context) => ReturnType<typeof ingest>,
      batchSize: number,
      concurrency: number,
      holdWhile?: () => boolean,
    ) =>
      createIntakeQueue({
        handler: (event) => handler(event, lambdaContext('ingest-draft')),
        deadLetterDir: paths.deadLetters,
        onDeadLetter: deadLettered,
        batchSize,
        concurrency,
        holdWhile,
      });
    const priorityLane = ingestLane(
      (event, context) => gate.run('priority', () => ingestPriority(event, context)),
      INGEST_LANES.priority.batchSize,
      1,
    );
    // Set once the stream poller runs: whether a breaking head is being rendered or alerted.
    let breakingInStream = () => false;
    // Busy, or was within the last PRIORITY_LINGER_MS: the gaps while a breaking head waits for its next stream
    // mapping to poll (render after ingest, notify after render) count as busy, so the burst does not slip in.
    let priorityBusyAt = 0;
    const priorityBusy = () => {
      if (priorityLane.busy() || breakingInStream()) priorityBusyAt = Date.now();
      return Date.now() - priorityBusyAt < PRIORITY_LINGER_MS;
    };
    // Running invocations hold their next DynamoDB and S3 request: the bulk lanes' while breaking news is on
    // its way or drafts are being triaged (on AWS triage scales apart, so a breaking draft is found at once), and
    // the priority ingest's (its related-links follow-up, after the version is stored) while its render and alert run.
    const gate = createLaneGate({ bulk: () => priorityBusy() || queue.busy(), priority: () => breakingInStream() });
    stoppers.push(async () => gate.stop());
    const bulkLane = ingestLane((event, context) => gate.run('bulk', () => ingest(event, context)), INGEST_LANES.bulk.batchSize, 2, priorityBusy);
    enqueue = (body) => queue.send(body);
    lanes.priority = (body) => priorityLane.send(body);
    // The bulk lane holds while the priority lanes are busy; it looks again once they are through.
    const resumeBulk = async (): Promise<void> => {
      await priorityLane.drained();
      while (breakingInStream()) await new Promise((resolve) => setTimeout(resolve, 20));
      bulkLane.resume();
    };
    const sendPriority = lanes.priority;
    lanes.priority = (body) => {
      sendPriority(body);
      void resumeBulk();
    };
    lanes.bulk = (body) => bulkLane.send(body);
    stoppers.push(
      () => queue.stop(),
      () => priorityLane.stop(),
      () => bulkLane.stop(),
    );
    const invalidations = createIntakeQueue({
      handler: (event) => invalidateCdn(event, lambdaContext('invalidate-cdn')),
      deadLetterDir: paths.invalidationDeadLetters,
      onDeadLetter: (record, error) => log(`invalidation dead-lettered after retries: ${record.body}\n${error.split('\n')[0]}`),
    });
    enqueueInvalidation = (body) => invalidations.send(body);
    stoppers.push(() => invalidations.stop());

    const poller = startStreamPoller({
      client: new DynamoDBStreamsClient({ endpoint: dynamodb.endpoint }),
      streamArn,
      checkpointFile: paths.streamCheckpoints,
      // One function with two mappings, as on AWS (at most two readers of a shard): the bulk lane and breaking news' priority lane.
      consumers: [
        {
          name: STREAM_CONSUMER_NAME,
          mapping: 'bulk',
          filter: STREAM_FILTERS.bulk,
          batchSize: STREAM_BATCH_SIZES.bulk,
          // Starts nothing new while breaking news is on its way (see holdWhile).
          holdWhile: priorityBusy,
          handler: (e: DynamoDBStreamEvent) => gate.run('bulk', () => streamConsumer(e, lambdaContext(STREAM_CONSUMER_NAME))),
        },
        {
          name: STREAM_CONSUMER_NAME,
          mapping: 'breaking',
          filter: STREAM_FILTERS.breaking,
          batchSize: STREAM_BATCH_SIZES.breaking,
          handler: (e: DynamoDBStreamEvent) => streamBreaking(e, lambdaContext(STREAM_CONSUMER_NAME)),
        },
      ] satisfies (StreamConsumerBinding & { mapping: StreamMapping })[],
      onFailure: async (consumer, records, error) => {
        await mkdir(paths.streamFailures, { recursive: true });
        // Lambda's S3 on-failure record: the records themselves, so `newsroom redrive` replays them as on AWS.
        const record = streamFailureRecord({ functionName: consumer, streamArn, records, error, at: new Date() });
        await writeFile(join(paths.streamFailures, `${Date.now()}-${consumer}.json`), JSON.stringify(record, null, 2));
        log(`${consumer} failed ${records.length} record(s) after retries: ${error.split('\n')[0]}`);
      },
    });
    stoppers.push(() => poller.stop());
    breakingInStream = () => poller.busy('breaking');

    if (options.seedDir) await seedDrafts(clients.s3, DRAFTS_BUCKET, options.seedDir);
    const watcher = await watchDraftsFolder({
      dir: draftsDir,
      client: clients.s3,
      bucket: DRAFTS_BUCKET,
      onError: (message) => log(`drafts folder: ${message}`),
    });
    stoppers.push(() => watcher.stop());
    const previews = await watchDraftsFolder({
      dir: previewsDir,
      client: clients.s3,
      bucket: DRAFTS_BUCKET,
      prefix: PREVIEWS_PREFIX,
      onError: (message) => log(`previews folder: ${message}`),
    });
    stoppers.push(() => previews.stop());
    await Promise.all([watcher.ready, previews.ready]);

    const endpoints: Endpoints = {
      site: cdn.url,
      s3: s3.endpoint,
      dynamodb: dynamodb.endpoint,
      sns: sns.url,
      scheduler: scheduler.url,
      cloudfront: cloudfront.url,
      distributionId: LOCAL_NAMES.distributionId,
      sqs: sqs.url,
      intakeQueueUrl: sqs.queueUrl(LOCAL_NAMES.intakeQueue),
      invalidationQueueUrl,
      draftsBucket: DRAFTS_BUCKET,
      siteBucket: SITE_BUCKET,
      tableName: TABLE_NAME,
      alertsTopicArn: topics.alertsTopicArn,
      editorsTopicArn: topics.editorsTopicArn,
      draftsDir,
      previewsDir,
      outboxDir: paths.outbox,
      mail: subscribers.mailUrl,
      subscriberTableName: LOCAL_NAMES.subscriberTable,
      pid: process.pid,
    };
    await writeFile(paths.endpointsFile, `${JSON.stringify(endpoints, null, 2)}\n`);
    stoppers.unshift(() => rm(paths.endpointsFile, { force: true }));

    return {
      endpoints,
      async settled() {
        // Intake feeds the stream, the stream the alert queues, and nothing feeds back, so two quiet passes suffice.
        for (let pass = 0; pass < 2; pass++) {
          await queue.drained();
          await priorityLane.drained();
          await bulkLane.drained();
          await poller.idle();
          await invalidations.drained();
          await subscribers?.drained();
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Uploads the drafts in `dir` under `drafts/` (the images in its `images/` folder first: a draft naming a missing one is rejected). */
export async function seedDrafts(client: S3Client, bucket: string, dir: string): Promise<void> {
  const images = join(dir, 'images');
  for (const name of await readdir(images).catch(() => [])) {
    const body = await readFile(join(images, name));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${DRAFTS_PREFIX}images/${name}`, Body: body }));
  }
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.md') && !name.endsWith('.json')) continue;
    const body = await readFile(join(dir, name));
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: `${DRAFTS_PREFIX}${name}`, Body: body }));
  }
}
