import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { STREAM_CONSUMER_NAME, STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { STAGES } from '../../shared/domain/lifecycle';
import { failedStreamRecords, streamFailureRecord } from '../../events/stream-failure-record';
import { reconcileLocal, redrive, type RecoveryTarget } from '../../infra/cli/recovery-commands';
import { deadLetterFolder, failureRecordBucket, failureRecordFolder } from '../../infra/cli/recovery-sources';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { lambdaContext } from '../../infra/local/lambda-context';
import { ensureArticleTable } from '../../infra/local/provision';
import { startStreamPoller, type StreamPoller } from '../../infra/local/stream-poller';
import { createArticleStore } from '../../shared/adapters/article-store';
import type { ArticleStore } from '../../shared/ports/article-store';
import { articleHead } from '../support/article-fixtures';
import { dynamoDbClient, useLocalStackEnvironment } from '../support/aws-env';
import { EXAMPLE_READER } from '../../infra/local/subscriber-runtime';
import { endpoints, eventually, mailAbout, PIPELINE_WAIT_MS, s3Client } from '../support/local-stack-client';

// The pipeline's own stream consumer on a table of this test, fed by the local stream poller as on the local
// stack; the fault (the site bucket "down") is injected around it for batches that render, and clears without any
// table write, as a real outage does: nothing but recovery moves the head on. Given-up batches are written as
// Lambda's S3 on-failure records, to a folder as the local stack does or to a bucket (s3rver) as Lambda does on AWS.
let target: RecoveryTarget;
let failureDir: string;
const failureBucket = `stream-failures-${Date.now()}`;
let sink: 'folder' | 'bucket' = 'folder';
let store: ArticleStore;
let poller: StreamPoller;
let renderDown = true;

beforeAll(async () => {
  const tableName = `recovery-test-${Date.now()}`;
  const streamArn = await ensureArticleTable(dynamoDbClient(), tableName);
  useLocalStackEnvironment();
  process.env[ENV.tableName] = tableName;
  const { handler: consume } = await import('../../functions/stream-consumer/handler');
  const dir = await mkdtemp(join(tmpdir(), 'newsroom-recovery-'));
  failureDir = join(dir, 'stream');
  await s3Client().send(new CreateBucketCommand({ Bucket: failureBucket }));
  const table = { client: DynamoDBDocumentClient.from(dynamoDbClient(), { marshallOptions: { removeUndefinedValues: true } }), tableName };
  target = {
    table,
    sqs: new SQSClient({ endpoint: endpoints().sqs, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    intakeQueueUrl: endpoints().intakeQueueUrl,
    invalidationQueueUrl: endpoints().invalidationQueueUrl,
    intakeDeadLetters: deadLetterFolder(join(dir, 'intake')),
    invalidationDeadLetters: deadLetterFolder(join(dir, 'invalidations')),
    streamFailures: failureRecordFolder(failureDir),
  };
  store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName });
  poller = startStreamPoller({
    client: new DynamoDBStreamsClient({ endpoint: endpoints().dynamodb }),
    streamArn,
    checkpointFile: join(dir, 'checkpoints.json'),
    pollIntervalMs: 50,
    consumers: [
      {
        name: STREAM_CONSUMER_NAME,
        filter: STREAM_FILTERS.bulk,
        handler: async (event: DynamoDBStreamEvent) => {
          // This test's batches hold one stage each (an alert is due only once the render went through).
          const rendering = event.Records.some((record) => record.dynamodb?.NewImage?.stage?.S === STAGES.render);
          if (renderDown && rendering) throw new Error('injected fault: the site bucket is unavailable');
          return consume(event, lambdaContext(STREAM_CONSUMER_NAME));
        },
      },
    ],
    onFailure: async (consumer, records, error) => {
      const body = JSON.stringify(streamFailureRecord({ functionName: consumer, streamArn, records, error, at: new Date() }));
      const key = `${Date.now()}-${consumer}.json`;
      if (sink === 'bucket') await s3Client().send(new PutObjectCommand({ Bucket: failureBucket, Key: `aws/lambda/${key}`, Body: body }));
      else {
        await mkdir(failureDir, { recursive: true });
        await writeFile(join(failureDir, key), body);
      }
    },
  });
});

afterAll(async () => {
  await poller?.stop();
  target?.sqs.destroy();
});

/** The on-failure records written so far, each as its stream records. */
async function failureRecords(): Promise<unknown[][]> {
  if (sink === 'folder') {
    const files = (await readdir(failureDir).catch(() => [] as string[])).sort();
    return Promise.all(files.map(async (file) => failedStreamRecords(JSON.parse(await readFile(join(failureDir, file), 'utf8')))));
  }
  const { Contents = [] } = await s3Client().send(new ListObjectsV2Command({ Bucket: failureBucket }));
  return Promise.all(
    Contents.map(async ({ Key }) => {
      const object = await s3Client().send(new GetObjectCommand({ Bucket: failureBucket, Key }));
      return failedStreamRecords(JSON.parse(await object.Body!.transformToString()));
    }),
  );
}

const alertsFor = (title: string) => mailAbout(title, EXAMPLE_READER);

/** Saves a new article while rendering is down and waits until its render was given up on. */
async function stuckInRender(id: string) {
  renderDown = true;
  const before = (await failureRecords()).length;
  const head = articleHead(id, { title: `Recovery ${id}`, slug: `recovery-${id}`, updatedAt: new Date().toISOString() });
  await store.saveVersion(head, 0);
  await eventually(async () => ((await failureRecords()).length > before ? true : undefined));
  expect((await store.getHead(id))?.stage).toBe(STAGES.render);
  // The record holds what a replay needs, not a pointer into the stream: the version's new image.
  const images = (await failureRecords())
    .flat()
    .map((record) => (record as { dynamodb: { NewImage: Record<string, { S?: string; N?: string }> } }).dynamodb.NewImage);
  expect(images).toContainEqual(expect.objectContaining({ id: { S: id }, version: { N: '1' }, stage: { S: STAGES.render } }));
  return head;
}

const doneWithOneAlert = async (id: string, title: string) => {
  await eventually(async () => ((await store.getHead(id))?.stage === STAGES.done ? true : undefined), PIPELINE_WAIT_MS, `${id} done`);
  await eventually(async () => ((await alertsFor(title)).length === 1 ? true : undefined), PIPELINE_WAIT_MS, `alert for ${id}`);
  expect(await alertsFor(title)).toHaveLength(1);
};

describe('recovery of a head stuck by an outage', { timeout: 90_000 }, () => {
  it('newsroom reconcile drives a head stuck in render on to done, with one alert', async () => {
    const id = `rc-${Date.now().toString(36)}`;
    const head = await stuckInRender(id);
    renderDown = false;
    expect((await reconcileLocal(target, { stuckAfterMs: 60 * 60_000 })).nudged).toEqual([]);
    const report = await reconcileLocal(target, { stuckAfterMs: 0 });
    expect(report.nudged).toContain(`${id} v1 (render)`);
    await doneWithOneAlert(id, head.title);
    expect((await reconcileLocal(target, { stuckAfterMs: 0 })).nudged).toEqual([]);
  });

  it('newsroom redrive replays the versions of a stream failure record, once', async () => {
    sink = 'folder';
    const id = `rd-${Date.now().toString(36)}`;
    const head = await stuckInRender(id);
    renderDown = false;
    const report = await redrive(target);
    expect(report.nudged).toContain(`${id} v1 (render)`);
    await doneWithOneAlert(id, head.title);
    expect(await readdir(failureDir)).toEqual([]);
    expect((await redrive(target)).nudged).toEqual([]);
  });

  it('newsroom redrive --stage replays the on-failure records Lambda wrote to the stage’s failure bucket, once', async () => {
    sink = 'bucket';
    const onAws: RecoveryTarget = { ...target, streamFailures: failureRecordBucket(s3Client(), failureBucket) };
    const id = `rb-${Date.now().toString(36)}`;
    const head = await stuckInRender(id);
    renderDown = false;
    const report = await redrive(onAws);
    expect(report.streamFailures).toBeGreaterThanOrEqual(1);
    expect(report.nudged).toContain(`${id} v1 (render)`);
    await doneWithOneAlert(id, head.title);
    expect(await failureRecords()).toEqual([]);
    expect((await redrive(onAws)).nudged).toEqual([]);
  });
});
