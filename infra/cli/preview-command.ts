import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { draftReportSchema, type DraftReport } from '../../events/draft-report';
import { PREVIEWS_PREFIX } from '../../events/names';
import { describeReport, reportKeyFor } from '../../shared/domain/publishing/draft-report';
import type { CliTarget } from './cli-targets';

/** Options of {@link previewDraftFile}. */
export interface PreviewOptions {
  /** How long to wait for the report. @default 60 000 */
  readonly timeoutMs?: number;
  /** Pause between report reads. @default 250 */
  readonly pollMs?: number;
}

async function readReport(target: Pick<CliTarget, 's3' | 'draftsBucket'>, key: string): Promise<DraftReport | undefined> {
  try {
    const object = await target.s3.send(new GetObjectCommand({ Bucket: target.draftsBucket, Key: key }));
    return draftReportSchema.parse(JSON.parse((await object.Body?.transformToString('utf-8')) ?? ''));
  } catch (error) {
    if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return undefined;
    throw error;
  }
}

/**
 * Uploads a draft under `previews/` in the target's drafts bucket and waits
 * for the report written for this upload (one dated at or after it): the
 * preview's address and expiry, or the draft's problems.
 */
export async function previewDraftFile(
  target: Pick<CliTarget, 's3' | 'draftsBucket'>,
  file: string,
  options: PreviewOptions = {},
): Promise<DraftReport> {
  const key = `${PREVIEWS_PREFIX}${basename(file)}`;
  const since = new Date(Date.now() - 1000).toISOString();
  await target.s3.send(new PutObjectCommand({ Bucket: target.draftsBucket, Key: key, Body: await readFile(file) }));
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const report = await readReport(target, reportKeyFor(key));
    if (report && report.at >= since) return report;
    if (Date.now() > deadline) throw new Error(`No report for ${key} after ${options.timeoutMs ?? 60_000} ms; is the pipeline running?`);
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
  }
}

/** What `newsroom preview` prints: the URL alone on success (easy to pipe), else the report's lines. */
export function describePreview(report: DraftReport): string {
  return report.status === 'previewed' && report.url ? `${report.url}\n(expires ${report.expiresAt})` : describeReport(report);
}
