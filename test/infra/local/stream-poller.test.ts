import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD_SORT_KEY } from '../../../events/names';
import { STREAM_CONSUMER_NAME, STREAM_FILTERS } from '../../../shared/adapters/article-stream-filters';
import { STAGES } from '../../../shared/domain/lifecycle';
import { ensureArticleTable } from '../../../infra/local/provision';
import { MAX_SHARD_READERS, StreamReaderLimitError, startStreamPoller, type StreamPoller } from '../../../infra/local/stream-poller';
import { dynamoDbClient } from '../../support/aws-env';
import { endpoints, eventually } from '../../support/local-stack-client';

let poller: StreamPoller | undefined;
let dir: string | undefined;

afterEach(async () => {
  await poller?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  poller = undefined;
  dir = undefined;
});

const idOf = (record: DynamoDBRecord) => record.dynamodb?.Keys?.PK?.S ?? '';

async function tableWithStream(name: string) {
  const tableName = `${name}-${Date.now().toString(36)}`;
  const streamArn = await ensureArticleTable(dynamoDbClient(), tableName);
  const documents = DynamoDBDocumentClient.from(dynamoDbClient());
  const putHead = (id: string, breaking: boolean) =>
    documents.send(new PutCommand({ TableName: tableName, Item: { PK: id, SK: HEAD_SORT_KEY, stage: STAGES.render, breaking } }));
  return { streamArn, putHead };
}

describe('the local stream poller', () => {
  it('delivers a breaking head on its own mapping while the bulk mapping is still busy with earlier records', async () => {
    const { streamArn, putHead } = await tableWithStream('poller-lanes');
    dir = await mkdtemp(join(tmpdir(), 'poller-'));
    let release: () => void = () => undefined;
    const bulkHeld = new Promise<void>((resolve) => {
      release = resolve;
    });
    const bulk: string[] = [];
    const priority: string[] = [];
    // On the stream before the poller starts: the bulk mapping's first batch is the first two of them.
    for (const id of ['a', 'b', 'c']) await putHead(id, false);
    poller = startStreamPoller({
      client: new DynamoDBStreamsClient({ endpoint: endpoints().dynamodb }),
      streamArn,
      checkpointFile: join(dir, 'checkpoints.json'),
      pollIntervalMs: 20,
      consumers: [
        {
          name: STREAM_CONSUMER_NAME,
          mapping: 'bulk',
          filter: STREAM_FILTERS.bulk,
          batchSize: 2,
          handler: async (event) => {
            bulk.push(...event.Records.map(idOf));
            await bulkHeld;
            return { batchItemFailures: [] };
          },
        },
        {
          name: STREAM_CONSUMER_NAME,
          mapping: 'breaking',
          filter: STREAM_FILTERS.breaking,
          handler: async (event) => {
            priority.push(...event.Records.map(idOf));
            return { batchItemFailures: [] };
          },
        },
      ],
      onFailure: async () => undefined,
    });
    await eventually(async () => (bulk.length > 0 ? true : undefined), 30_000, 'the bulk mapping to take its first batch');
    await putHead('breaking', true);

    await eventually(async () => (priority.length > 0 ? true : undefined), 30_000, 'the breaking head');
    // Still held in its first batch: the breaking head did not wait for it.
    expect(bulk).toEqual(['a', 'b']);
    expect(priority).toEqual(['breaking']);

    release();
    await eventually(async () => (bulk.length === 3 ? true : undefined), 30_000, 'the rest of the bulk records');
    // Batches of at most the mapping's batch size, in stream order; no breaking head on the bulk mapping.
    expect(bulk).toEqual(['a', 'b', 'c']);
    await poller.idle();
    const checkpoints = JSON.parse(await readFile(join(dir, 'checkpoints.json'), 'utf8'));
    expect(Object.keys(checkpoints).sort()).toEqual(['breaking', 'bulk']);
  }, 60_000);

  describe('readers per shard, as AWS allows', () => {
    const reader = (mapping: string) => ({
      name: STREAM_CONSUMER_NAME,
      mapping,
      filter: STREAM_FILTERS.bulk,
      handler: async () => ({ batchItemFailures: [] }),
    });
    const options = (streamArn: string, checkpointDir: string, mappings: readonly string[]) => ({
      client: new DynamoDBStreamsClient({ endpoint: endpoints().dynamodb }),
      streamArn,
      checkpointFile: join(checkpointDir, 'checkpoints.json'),
      consumers: mappings.map(reader),
      onFailure: async () => undefined,
    });

    it('refuses a third mapping on a stream, naming the limit', async () => {
      const { streamArn } = await tableWithStream('poller-readers');
      dir = await mkdtemp(join(tmpdir(), 'poller-'));
      expect(MAX_SHARD_READERS).toBe(2);
      expect(() => startStreamPoller(options(streamArn, dir!, ['one', 'two', 'three']))).toThrow(StreamReaderLimitError);
      expect(() => startStreamPoller(options(streamArn, dir!, ['one', 'two', 'three']))).toThrow(/3 readers per shard; DynamoDB Streams allows 2/);
    });

    it('counts the readers of every running poller of the stream, and frees a stopped poller’s', async () => {
      const { streamArn } = await tableWithStream('poller-readers');
      dir = await mkdtemp(join(tmpdir(), 'poller-'));
      poller = startStreamPoller(options(streamArn, dir, ['bulk', 'breaking']));
      expect(() => startStreamPoller(options(streamArn, dir!, ['third']))).toThrow(StreamReaderLimitError);
      await poller.stop();
      poller = startStreamPoller(options(streamArn, dir, ['third']));
    });
  });
});
