import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DRAFTS_PREFIX } from '../../events/names';
import { readEndpoints } from '../local/endpoints';
import { localPaths } from '../local/local-paths';

/** Where `newsroom publish` uploads drafts to. */
export interface PublishTarget {
  readonly client: S3Client;
  readonly bucket: string;
}

/** The drafts bucket of the running local stack, from its `endpoints.json`. */
export async function localPublishTarget(): Promise<PublishTarget> {
  const paths = localPaths();
  let endpoints;
  try {
    endpoints = await readEndpoints(paths.endpointsFile);
  } catch {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  }
  const client = new S3Client({
    endpoint: endpoints.s3,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  return { client, bucket: endpoints.draftsBucket };
}

/** Uploads draft files under `drafts/` and returns the keys written. */
export async function publishDrafts(target: PublishTarget, files: readonly string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const file of files) {
    const key = `${DRAFTS_PREFIX}${basename(file)}`;
    await target.client.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: await readFile(file) }));
    keys.push(key);
  }
  return keys;
}
