import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENV } from '../../events/names';
import { STREAM_FILTERS } from '../../shared/adapters/article-stream-filters';
import { STAGES } from '../../shared/domain/lifecycle';
import { redriveLocal, reconcileLocal, type RecoveryTarget } from '../../infra/cli/recovery-commands';
import { lambdaContext } from '../../infra/local/lambda-context';
import { ensureArticleTable } from '../../infra/local/provision';
import { startStreamPoller, type StreamPoller } from '../../infra/local/stream-poller';
import { createArticleStore } from '../../shared/adapters/article-store';
import type { ArticleStore } from '../../shared/ports/article-store';
import { articleHead } from '../support/article-fixtures';
import { dynamoDbClient, useLocalStackEnvironment } from '../support/aws-env';
import { EXAMPLE_READER } from '../../infra/local/subscriber-runtime';
import { endpoints, eventually, mailAbout, PIPELINE_WAIT_MS } from '../support/local-stack-client';

// The pipeline's own render and notify handlers on a table of this test, fed by the local stream poller as on the
// local stack; the fault (the site bucket "down") is injected around the render handler, and clears without any
// table write, as a real outage does: nothing but recovery moves the head on.
let target: RecoveryTarget;
let store: ArticleStore;
let poller: StreamPoller;
let renderDown = true;

beforeAll(async () => {
  const tableName = `recovery-test-${Date.now()}`;
  const streamArn = await ensureArticleTable(dynamoDbClient(), tableName);
  useLocalStackEnvironment();
  process.env[ENV.tableName] = tableName;
  const { handler: render } = await import('../../functions/render-site/handler');
  const { handler: notify } = await import('../../functions/notify-subscribers/handler');
  const dir = await mkdtemp(join(tmpdir(), 'newsroom-recovery-'));
  target = {
    dynamodbEndpoint: endpoints().dynamodb,
    tableName,
    sqsEndpoint: endpoints().sqs,
    intakeQueueUrl: endpoints().intakeQueueUrl,
    invalidationQueueUrl: endpoints().invalidationQueueUrl,
    intakeDeadLetterDir: join(dir, 'intake'),
    invalidationDeadLetterDir: join(dir, 'invalidations'),
    streamFailureDir: join(dir, 'stream'),
  };
  store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName });
  poller = startStreamPoller({
    client: new DynamoDBStreamsClient({ endpoint: endpoints().dynamodb }),
    streamArn,
    checkpointFile: join(dir, 'checkpoints.json'),
    pollIntervalMs: 50,
    consumers: [
      {
        name: 'render-site',
        filter: STREAM_FILTERS.renderSite,
        handler: async (event: DynamoDBStreamEvent) => {
          if (renderDown) throw new Error('injected fault: the site bucket is unavailable');
          return render(event, lambdaContext('render-site'));
        },
      },
      {
        name: 'notify-subscribers',
        filter: STREAM_FILTERS.notifySubscribers,
        handler: (event) => notify(event, lambdaContext('notify-subscribers')),
      },
    ],
    onFailure: async (consumer, records, error) => {
      await mkdir(target.streamFailureDir, { recursive: true });
      await writeFile(join(target.streamFailureDir, `${Date.now()}-${consumer}.json`), JSON.stringify({ consumer, records, error }));
    },
  });
});

afterAll(async () => {
  await poller?.stop();
});

const alertsFor = (title: string) => mailAbout(title, EXAMPLE_READER);

/** Saves a new article while rendering is down and waits until its render was given up on. */
async function stuckInRender(id: string) {
  renderDown = true;
  const before = (await readdir(target.streamFailureDir).catch(() => [])).length;
  const head = articleHead(id, { title: `Recovery ${id}`, slug: `recovery-${id}`, updatedAt: new Date().toISOString() });
  await store.saveVersion(head, 0);
  await eventually(async () => ((await readdir(target.streamFailureDir).catch(() => [])).length > before ? true : undefined));
  expect((await store.getHead(id))?.stage).toBe(STAGES.render);
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
    const id = `rd-${Date.now().toString(36)}`;
    const head = await stuckInRender(id);
    renderDown = false;
    const report = await redriveLocal(target);
    expect(report.nudged).toContain(`${id} v1 (render)`);
    await doneWithOneAlert(id, head.title);
    expect(await readdir(target.streamFailureDir)).toEqual([]);
    expect((await redriveLocal(target)).nudged).toEqual([]);
  });
});
