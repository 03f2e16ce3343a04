import { PutObjectCommand } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { DRAFTS_PREFIX } from '../../events/names';
import type { CliTarget } from './cli-targets';

/** Uploads draft files under `drafts/` in the target's drafts bucket and returns the keys written. */
export async function publishDrafts(target: Pick<CliTarget, 's3' | 'draftsBucket'>, files: readonly string[]): Promise<string[]> {
  const keys: string[] = [];
  for (const file of files) {
    const key = `${DRAFTS_PREFIX}${basename(file)}`;
    await target.s3.send(new PutObjectCommand({ Bucket: target.draftsBucket, Key: key, Body: await readFile(file) }));
    keys.push(key);
  }
  return keys;
}
