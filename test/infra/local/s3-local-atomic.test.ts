import { createRequire } from 'node:module';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, type GetObjectCommandOutput, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../infra/local/free-port';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/local-credentials';
import { startS3Local, type S3Local } from '../../../infra/local/s3-local';

interface StorePrototype {
  getResourcePath(bucket: string, key: string, resource: string): string;
  getMetadata(bucket: string, key: string): Promise<unknown>;
  putMetadata(...args: unknown[]): Promise<void>;
  getObject(...args: unknown[]): Promise<unknown>;
}

const BUCKET = 'atomic-check';
let directory = '';
let s3Local: S3Local;
let client: S3Client;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 's3-atomic-'));
  s3Local = await startS3Local({ directory, port: await freePort(), buckets: [BUCKET], onEvent: () => {} });
  client = new S3Client({ endpoint: s3Local.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, forcePathStyle: true });
});

afterAll(async () => {
  client?.destroy();
  await s3Local?.stop();
  await rm(directory, { recursive: true, force: true });
});

describe('local S3 (s3rver made atomic)', () => {
  it('a GET that races an overwrite of another length returns one whole version, never a cut body', async () => {
    const short = JSON.stringify({ v: 'short' });
    const long = JSON.stringify({ v: 'long', pad: 'x'.repeat(10_000) });
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'report.json', Body: short }));
    // Fault injection: the overwrite lands while the GET is between reading the metadata and streaming the bytes.
    const proto: StorePrototype = createRequire(import.meta.url)('s3rver/lib/stores/filesystem').prototype;
    const getMetadata = proto.getMetadata;
    proto.getMetadata = async function raced(this: StorePrototype, bucket: string, key: string) {
      const metadata = await getMetadata.call(this, bucket, key);
      const path = this.getResourcePath(bucket, key, 'object');
      await writeFile(`${path}.next`, long);
      await rename(`${path}.next`, path);
      return metadata;
    };
    try {
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'report.json' }));
      const body = (await object.Body?.transformToString()) ?? '';
      expect([short, long]).toContain(body);
      expect(object.ContentLength).toBe(body.length);
    } finally {
      proto.getMetadata = getMetadata;
    }
  });

  it("a GET that lands between an overwrite's metadata and its body gets one version's body with that version's metadata", async () => {
    await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'page.html', Body: 'old', Metadata: { version: 'old' } }));
    // Fault injection: a GET reaches the store once the overwrite has written its metadata, before its body is renamed in.
    const proto: StorePrototype = createRequire(import.meta.url)('s3rver/lib/stores/filesystem').prototype;
    const { putMetadata, getObject } = proto;
    let get: Promise<GetObjectCommandOutput> | undefined;
    proto.putMetadata = async function between(this: StorePrototype, ...args: unknown[]) {
      await putMetadata.apply(this, args);
      if (get) return;
      let arrived: () => void = () => undefined;
      const reached = new Promise<void>((resolve) => {
        arrived = resolve;
      });
      proto.getObject = function entered(this: StorePrototype, ...rest: unknown[]) {
        arrived();
        return getObject.apply(this, rest);
      };
      get = client.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'page.html' }));
      await reached;
    };
    try {
      await client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'page.html', Body: 'new', Metadata: { version: 'new' } }));
      const object = await get;
      const body = (await object?.Body?.transformToString()) ?? '';
      expect(['old', 'new']).toContain(body);
      expect(object?.Metadata?.version).toBe(body);
    } finally {
      proto.putMetadata = putMetadata;
      proto.getObject = getObject;
    }
  });
});
