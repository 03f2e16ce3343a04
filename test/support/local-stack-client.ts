import { readWholeObject } from '../../infra/local/cdn-server';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import { draftReportSchema, type DraftReport } from '../../events/draft-report';
import type { Endpoints } from '../../infra/local/endpoints';
import { localPaths, type LocalPaths } from '../../infra/local/local-paths';
import { snsDeliverySchema, type SnsDelivery } from '../../infra/local/sns/outbox';
import { fetchSentMail, type SentMail } from '../../infra/local/sent-mail';

/** The endpoints of the stack the integration project's global setup started. */
export function endpoints(): Endpoints {
  const started = inject('endpoints');
  if (!started) {
    throw new Error(
      'This test needs the local stack, which only the integration project starts: move it under one of the INTEGRATION folders in vitest.config.ts, or give the use case in-memory ports (test/support/in-memory).',
    );
  }
  return started;
}

/** An S3 client for the local stack, as any S3 user would configure it. */
export function s3Client(): S3Client {
  return new S3Client({
    endpoint: endpoints().s3,
    region: LOCAL_REGION,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/** Uploads a draft under `drafts/` in the drafts bucket. */
export async function uploadDraft(name: string, body: string | Uint8Array): Promise<string> {
  const key = `drafts/${name}`;
  await s3Client().send(new PutObjectCommand({ Bucket: endpoints().draftsBucket, Key: key, Body: body }));
  return key;
}

/**
 * How long a test waits for the pipeline before failing. Waits end as soon as
 * their condition holds, so this costs nothing when the machine is idle; on a
 * 2-core machine shared with other stacks (load average 20-30 measured) a
 * publish has taken longer than the 20 s this used to be.
 */
export const PIPELINE_WAIT_MS = 60_000;

/** The state folders of the stack the test global setup started. */
export function testStackPaths(): LocalPaths {
  const home = process.env.NEWSROOM_TEST_SCRATCH;
  if (!home) throw new Error('NEWSROOM_TEST_SCRATCH is not set: run under the test global setup');
  return localPaths(home);
}

/** Polls until `probe` returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = PIPELINE_WAIT_MS, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Reads an object's text, or undefined if it does not exist (whole, as the local CDN reads it: see `readWholeObject`). */
export async function readObject(bucket: string, key: string): Promise<string | undefined> {
  return (await readWholeObject(s3Client(), bucket, key))?.body.toString('utf-8');
}

/** Waits for the report of a draft whose report was (re)written at or after `since`. */
export async function waitForReport(draftKey: string, since: Date, timeoutMs = PIPELINE_WAIT_MS): Promise<DraftReport> {
  const key = `reports/${draftKey.replace(/^drafts\//, '')}.json`;
  return eventually(
    async () => {
      const text = await readObject(endpoints().draftsBucket, key);
      if (!text) return undefined;
      const report = draftReportSchema.parse(JSON.parse(text));
      return Date.parse(report.at) >= since.getTime() ? report : undefined;
    },
    timeoutMs,
    `report ${key}`,
  );
}

/** Fetches a page from the local CDN. */
export async function fetchPage(path: string): Promise<{ status: number; body: string; headers: Headers }> {
  const response = await fetch(new URL(path, endpoints().site), { redirect: 'manual' });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** One local SNS delivery as written to the outbox, with its file name. */
export type OutboxDelivery = SnsDelivery & { readonly file: string };

/** Every delivery in the outbox so far, oldest first. */
export async function readOutbox(): Promise<OutboxDelivery[]> {
  const dir = endpoints().outboxDir;
  const files = (await readdir(dir).catch(() => [])).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map(async (file) => ({ file, ...snsDeliverySchema.parse(JSON.parse(await readFile(join(dir, file), 'utf8'))) })));
}

/** Every email the stack's local SES accepted, oldest first. */
export const readMail = (): Promise<SentMail[]> => fetchSentMail(endpoints().mail);

/** The emails sent to one address whose subject (without "Breaking: ") is `title`. */
export async function mailAbout(title: string, to: string): Promise<SentMail[]> {
  return (await readMail()).filter((mail) => mail.to.includes(to) && mail.subject.replace(/^Breaking: /, '') === title);
}
