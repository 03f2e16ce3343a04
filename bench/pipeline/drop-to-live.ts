import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { startLocalStack } from '../../infra/local/local-stack';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { freeStackPorts } from '../../infra/local/free-port';
import { loadCorpusDrafts, type CorpusDraft } from '../corpus/corpus-drafts';
import { quantile } from './stats';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));

async function isLive(site: string, slug: string): Promise<boolean> {
  const response = await fetch(new URL(encodeURI(articlePath(slug)), site), { method: 'HEAD' });
  return response.status === 200;
}

/** Waits until every slug's page answers 200 on the CDN; returns when each went live (ms epoch). */
async function watchLive(site: string, slugs: readonly string[], timeoutMs: number): Promise<Map<string, number>> {
  const live = new Map<string, number>();
  const deadline = Date.now() + timeoutMs;
  while (live.size < slugs.length && Date.now() < deadline) {
    for (const slug of slugs) {
      if (!live.has(slug) && (await isLive(site, slug))) live.set(slug, Date.now());
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return live;
}

const ms = (value: number) => `${Math.round(value)} ms`;

/**
 * Drops the corpus into a fresh local stack and measures, in one run:
 * burst throughput (all 100 uploaded at once through S3) with its
 * drop-to-live latencies, then single drops into the watched folder one at a
 * time (an editor's experience), with theirs.
 */
export async function runPipelineBenchmark({ singleDrops = 20 }: { singleDrops?: number } = {}): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-bench-'));
  const started = Date.now();
  const stack = await startLocalStack({
    home,
    draftsDir: join(home, 'drafts'),
    seedDir: EXAMPLES_DIR,
    ...(await freeStackPorts()),
  });
  await stack.settled();
  const startup = Date.now() - started;
  const { endpoints } = stack;
  try {
    const drafts = await loadCorpusDrafts();
    const s3 = new S3Client({
      endpoint: endpoints.s3,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const slugOf = (draft: CorpusDraft) => slugify(draft.title);

    const burst = drafts.slice(singleDrops);
    const dropped = new Map<string, number>();
    const burstStart = Date.now();
    await Promise.all(
      burst.map(async (draft) => {
        dropped.set(slugOf(draft), Date.now());
        await s3.send(new PutObjectCommand({ Bucket: endpoints.draftsBucket, Key: `drafts/burst/${draft.name}`, Body: draft.markdown }));
      }),
    );
    // Two corpus articles share a headline, so the second claims a taken slug and is rejected, as it should be.
    const burstSlugs = [...new Set(burst.map(slugOf))];
    const burstLive = await watchLive(endpoints.site, burstSlugs, 120_000);
    const burstEnd = Math.max(...burstLive.values());
    const burstLatencies = [...burstLive].map(([slug, at]) => at - (dropped.get(slug) ?? at));
    await stack.settled();

    const singleLatencies: number[] = [];
    for (const draft of drafts.slice(0, singleDrops)) {
      const at = Date.now();
      await writeFile(join(endpoints.draftsDir, draft.name), draft.markdown);
      const live = await watchLive(endpoints.site, [slugOf(draft)], 30_000);
      const liveAt = live.get(slugOf(draft));
      if (liveAt) singleLatencies.push(liveAt - at);
      await stack.settled();
    }

    const seconds = (burstEnd - burstStart) / 1000;
    return [
      `Pipeline: ${drafts.length} corpus drafts into a fresh local stack (startup ${ms(startup)})`,
      `  burst of ${burst.length} via S3 (${burstSlugs.length} distinct slugs; ${burst.length - burstSlugs.length} rejected as a taken slug): ${burstLive.size}/${burstSlugs.length} live in ${seconds.toFixed(2)} s = ${(burstLive.size / seconds).toFixed(1)} drafts/s; drop-to-live p50 ${ms(quantile(burstLatencies, 0.5))}, p95 ${ms(quantile(burstLatencies, 0.95))}`,
      `  ${singleDrops} single drops into the folder: ${singleLatencies.length}/${singleDrops} live; drop-to-live p50 ${ms(quantile(singleLatencies, 0.5))}, p95 ${ms(quantile(singleLatencies, 0.95))} (target: 2000 ms; includes the watcher's 150 ms settle time)`,
    ].join('\n');
  } finally {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}
