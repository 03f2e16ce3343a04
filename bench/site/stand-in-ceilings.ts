import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { createAwsClients } from '../../shared/config/aws-clients';
import { readEndpoints } from '../../infra/local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { localPaths } from '../../infra/local/local-paths';

/** The raw write ceilings of the local stand-ins, measured from a process of its own (as `newsroom` runs). */
export interface StandInCeilings {
  /** DynamoDB Local: items/s put with BatchWriteItem (25 a call) into the article table, ~1 KB items. */
  readonly batchWriteItemsPerSecond: number;
  readonly batchWriteInFlight: number;
  /** s3rver: PutObject/s of ~12 KB pages into a bucket of their own. */
  readonly putsPerSecond: number;
  /** The same PUTs into s3rver as the stack ran it before its per-request overhead was cut (`stock-s3rver.ts`). */
  readonly stockPutsPerSecond: number;
  readonly putsInFlight: number;
  /** The disk under the stack's state: 4 KB writes each followed by fdatasync, per second (what a database that syncs every commit waits on). */
  readonly syncedWritesPerSecond: number;
}

const ITEMS = Number(process.env.CEILING_ITEMS ?? 2_000);
const PUTS = Number(process.env.CEILING_PUTS ?? 2_000);
const SYNCS = 200;
const WRITES_IN_FLIGHT = Number(process.env.CEILING_WRITES_IN_FLIGHT ?? 16);
const PUTS_IN_FLIGHT = Number(process.env.CEILING_PUTS_IN_FLIGHT ?? 32);

/** Runs `work` against a stock s3rver started in a process of its own (`stock-s3rver.ts`), stopped afterwards. */
async function withStockS3rver<T>(work: (endpoint: string) => Promise<T>): Promise<T> {
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const child = spawn(tsx, [fileURLToPath(new URL('stock-s3rver.ts', import.meta.url))], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    return await work(chunk.toString().trim());
  } finally {
    child.stdin.end();
    if (child.exitCode === null) await once(child, 'exit');
  }
}

async function inFlight(total: number, concurrency: number, work: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

/**
 * Measures the stand-ins of the stack in `NEWSROOM_HOME`: BatchWriteItem of
 * list-entry-sized items into the article table (under keys of their own, so
 * the stream filters ignore them), PutObject of page-sized bodies into a
 * scratch bucket (and into a stock s3rver beside it, for comparison), and synced 4 KB writes to the disk the stack keeps its
 * state on. Printed as JSON on stdout.
 */
async function main(): Promise<void> {
  const endpoints = await readEndpoints(localPaths().endpointsFile);
  // Some SDK defaults (region, credentials) are read from process.env, not from the env handed to the clients.
  process.env.AWS_REGION ??= LOCAL_REGION;
  process.env.AWS_ACCESS_KEY_ID ??= LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_CREDENTIALS.secretAccessKey;
  const env = {
    ...process.env,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
  };
  const clients = createAwsClients({ ...env, AWS_ENDPOINT_URL_S3: endpoints.s3, AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb });
  const filler = 'x'.repeat(900);
  const batches = Math.ceil(ITEMS / 25);
  const writeSeconds = await inFlight(batches, WRITES_IN_FLIGHT, async (batch) => {
    const items = Array.from({ length: 25 }, (_, i) => ({ PK: `CEILING#${batch % 200}`, SK: `E#${batch}-${i}`, filler }));
    let pending = items.map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const response = await clients.dynamodb.send(new BatchWriteCommand({ RequestItems: { [endpoints.tableName]: pending } }));
      pending = (response.UnprocessedItems?.[endpoints.tableName] ?? []) as typeof pending;
    }
  });
  const page = `<!doctype html>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(350)}`;
  const putsPerSecond = async (s3: S3Client) => {
    const bucket = 'newsroom-ceiling';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const seconds = await inFlight(PUTS, PUTS_IN_FLIGHT, async (index) => {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: `articles/page-${index}/index.html`, Body: page, ContentType: 'text/html; charset=utf-8' }),
      );
    });
    return PUTS / seconds;
  };
  const lean = await putsPerSecond(clients.s3);
  const stock = await withStockS3rver((endpoint) => putsPerSecond(createAwsClients({ ...env, AWS_ENDPOINT_URL_S3: endpoint }).s3));
  const probe = join(localPaths().home, `sync-probe-${process.pid}`);
  const handle = await open(probe, 'w');
  const block = Buffer.alloc(4096, 1);
  const syncStarted = performance.now();
  for (let i = 0; i < SYNCS; i++) {
    await handle.write(block, 0, block.length, i * block.length);
    await handle.datasync();
  }
  const syncSeconds = (performance.now() - syncStarted) / 1000;
  await handle.close();
  await rm(probe);
  const result: StandInCeilings = {
    batchWriteItemsPerSecond: (batches * 25) / writeSeconds,
    batchWriteInFlight: WRITES_IN_FLIGHT,
    putsPerSecond: lean,
    stockPutsPerSecond: stock,
    putsInFlight: PUTS_IN_FLIGHT,
    syncedWritesPerSecond: SYNCS / syncSeconds,
  };
  console.log(JSON.stringify(result));
}

await main();
