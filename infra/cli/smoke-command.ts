import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DRAFTS_PREFIX } from '../../events/names';
import { articleHref } from '../../shared/domain/render/urls';
import type { CliTarget } from './cli-targets';

/** What a smoke test needs: the drafts bucket to publish into and the public site to read back. */
export type SmokeTarget = Pick<CliTarget, 's3' | 'draftsBucket' | 'siteUrl'>;

/** Options of {@link runSmokeTest}. */
export interface SmokeOptions {
  /** How long each step may take before the test fails. @default 120_000 */
  readonly stepTimeoutMs?: number;
  /** Pause between polls. @default 1_000 */
  readonly pollMs?: number;
  /** Names the canary; unique per run. @default - the current time */
  readonly runId?: string;
}

/** One step of a smoke test and how long it took. */
export interface SmokeStep {
  readonly step: 'published' | 'withdrawn';
  readonly url: string;
  readonly status: number;
  readonly ms: number;
}

/** Raised when a step of the smoke test does not finish within its timeout. */
export class SmokeTestError extends Error {
  override readonly name = 'SmokeTestError';
}

/** The canary draft of a run: its own slug so it never collides with a story. */
export function canaryDraft(runId: string): { readonly key: string; readonly slug: string; readonly title: string; readonly text: string } {
  const slug = `smoke-canary-${runId}`;
  const title = `Smoke test canary ${runId}`;
  const text = [
    '---',
    `title: "${title}"`,
    'section: Smoke tests',
    `slug: ${slug}`,
    'takeaways:',
    '  - A canary published by the deploy pipeline and withdrawn straight after.',
    '---',
    '',
    'This page proves that a draft dropped into the drafts bucket reaches readers through the CDN.',
    '',
  ].join('\n');
  return { key: `${DRAFTS_PREFIX}${slug}.md`, slug, title, text };
}

/**
 * Publishes a canary draft, waits until its page answers 200 with its title
 * through the site's CDN, then deletes the draft and waits until the page
 * answers 410 Gone. The draft is deleted even when publishing times out.
 *
 * @throws SmokeTestError when a step does not finish within `stepTimeoutMs`
 */
export async function runSmokeTest(target: SmokeTarget, options: SmokeOptions = {}): Promise<SmokeStep[]> {
  const runId = options.runId ?? new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const canary = canaryDraft(runId);
  const url = new URL(articleHref(canary.slug), target.siteUrl).toString();
  const wait = (step: SmokeStep['step'], accept: (status: number, body: string) => boolean) =>
    waitForPage(url, step, accept, options.stepTimeoutMs ?? 120_000, options.pollMs ?? 1_000);

  await target.s3.send(new PutObjectCommand({ Bucket: target.draftsBucket, Key: canary.key, Body: canary.text }));
  const steps: SmokeStep[] = [];
  try {
    steps.push(await wait('published', (status, body) => status === 200 && body.includes(canary.title)));
  } finally {
    await target.s3.send(new DeleteObjectCommand({ Bucket: target.draftsBucket, Key: canary.key }));
  }
  steps.push(await wait('withdrawn', (status) => status === 410));
  return steps;
}

async function waitForPage(
  url: string,
  step: SmokeStep['step'],
  accept: (status: number, body: string) => boolean,
  timeoutMs: number,
  pollMs: number,
): Promise<SmokeStep> {
  const started = Date.now();
  let last = 'no answer';
  for (;;) {
    try {
      // An earlier poll's cached 404 or 200 is cleared by the invalidation each publish and withdrawal sends.
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      if (accept(response.status, body)) return { step, url, status: response.status, ms: Date.now() - started };
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() - started > timeoutMs) throw new SmokeTestError(`${url} not ${step} after ${timeoutMs} ms (last: ${last})`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** One line per step, for the terminal and the run log. */
export function describeSmoke(steps: readonly SmokeStep[]): string {
  return steps.map((s) => `${s.step.padEnd(9)} ${s.url} → ${s.status} in ${s.ms} ms`).join('\n');
}
