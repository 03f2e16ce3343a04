import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { canaryDraft, runSmokeTest, SmokeTestError } from '../../../infra/cli/smoke-command';
import { parseDraft } from '../../../shared/domain/draft';
import { endpoints, s3Client } from '../../support/local-stack-client';
import { freePort } from '../../../infra/local/free-port';

const draftExists = async (key: string) =>
  s3Client()
    .send(new HeadObjectCommand({ Bucket: endpoints().draftsBucket, Key: key }))
    .then(
      () => true,
      (error: unknown) => (error instanceof Error && error.name === 'NotFound' ? false : Promise.reject(error)),
    );

describe('newsroom smoke, on the local stack', () => {
  it('writes a canary that passes the same validation as any draft', () => {
    const canary = canaryDraft('20261201120000');
    const parsed = parseDraft({ fileName: canary.key, bytes: new TextEncoder().encode(canary.text) });
    expect(parsed.ok && parsed.draft.slug).toBe(canary.slug);
  });

  it('publishes a canary, reads it through the CDN, withdraws it and reads 410 Gone', async () => {
    const target = { s3: s3Client(), draftsBucket: endpoints().draftsBucket, siteUrl: endpoints().site };
    const runId = `t${Date.now()}`;
    const steps = await runSmokeTest(target, { runId, pollMs: 50, stepTimeoutMs: 20_000 });
    expect(steps.map(({ step, status }) => [step, status])).toEqual([
      ['published', 200],
      ['withdrawn', 410],
    ]);
    expect(await draftExists(canaryDraft(runId).key)).toBe(false);
  });

  it('fails when the page never appears, and still deletes the canary', async () => {
    const nobody = `http://127.0.0.1:${await freePort()}`;
    const target = { s3: s3Client(), draftsBucket: endpoints().draftsBucket, siteUrl: nobody };
    const runId = `f${Date.now()}`;
    await expect(runSmokeTest(target, { runId, pollMs: 20, stepTimeoutMs: 200 })).rejects.toThrow(SmokeTestError);
    expect(await draftExists(canaryDraft(runId).key)).toBe(false);
  });
});
