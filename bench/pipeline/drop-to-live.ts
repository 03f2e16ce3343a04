import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { startLocalStack } from '../../infra/local/local-stack';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { freeStackPorts } from '../../infra/local/free-port';
import { loadCorpusDrafts, type CorpusDraft } from '../corpus/corpus-drafts';
import { snsDeliverySchema } from '../../infra/local/sns/outbox';
import { snsSubject } from '../../shared/adapters/topic-publisher';
import {
  countDynamoDbRequests,
  describePerPublish,
  describeTargetsPerPublish,
  describeWriteUnitsPerPublish,
  requestsBetween,
} from './request-counter';
import { describeRequestCosts, prepareRequestCosts, publishRequestKinds, reconcileRequestCosts } from './request-cost';
import { describeItemSizes } from './item-sizes';
import { quantile } from './stats';
import { PIPELINE_GOALS, pipelineRunSchema, summarisePipelineRuns, type PipelineFigures, type PipelineRun } from './pipeline-summary';
import { cpuSecondsOf, ownCpuSeconds } from './process-cpu';
import { readLocalMilestones } from '../../infra/cli/milestone-records';
import { localPaths } from '../../infra/local/local-paths';
import { articleIdFor } from '../../shared/domain/publishing/article-id';

const EXAMPLES_DIR = fileURLToPath(new URL('../../examples', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const ONE_RUN = fileURLToPath(new URL('./one-run.ts', import.meta.url));

async function isLive(site: string, slug: string): Promise<boolean> {
  const response = await fetch(new URL(encodeURI(articlePath(slug)), site), { method: 'HEAD' });
  return response.status === 200;
}

/**
 * The slugs whose article page is in the site bucket, read from the local S3 store's folder: one `readdir` of the
 * articles folder and a `stat` of each new page, where a ListObjectsV2 pass made s3rver stat every object of the
 * listing, about 30 ms of CPU per pass over 100 pages, taken in the process (and on the cores) that the pipeline
 * under test runs in.
 */
function storedPages(bucketDir: string): () => Promise<Set<string>> {
  const stored = new Set<string>();
  const articles = join(bucketDir, 'articles');
  return async () => {
    for (const slug of await readdir(articles).catch(() => [])) {
      if (stored.has(slug)) continue;
      // s3rver keeps key `articles/<slug>/index.html` as the file `articles/<slug>/index.html._S3rver_object`.
      if (await stat(join(articles, slug, 'index.html._S3rver_object')).catch(() => undefined)) stored.add(slug);
    }
    return stored;
  };
}

/**
 * Waits until every slug's page answers 200 on the CDN; returns when each went live (ms epoch). With `storedNow` (the
 * slugs whose page is in the bucket), a slug is asked of the CDN only once its page is in the bucket: asking the CDN
 * for every slug not yet live every few ms ran hundreds of requests through the CDN server and s3rver per second, in
 * the process (and on the cores) that the pipeline under test runs in.
 */
async function watchLive(
  site: string,
  slugs: readonly string[],
  timeoutMs: number,
  storedNow?: () => Promise<ReadonlySet<string>>,
): Promise<Map<string, number>> {
  const live = new Map<string, number>();
  const deadline = Date.now() + timeoutMs;
  while (live.size < slugs.length && Date.now() < deadline) {
    const stored = await storedNow?.();
    for (const slug of slugs) {
      if (live.has(slug) || (stored && !stored.has(slug))) continue;
      if (await isLive(site, slug)) live.set(slug, Date.now());
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return live;
}

const ms = (value: number) => `${Math.round(value)} ms`;

/** When each alert subject was first delivered by the local SNS endpoint (its delivery time, ms epoch), read incrementally. */
function watchAlerts(outboxDir: string): { seen: Map<string, number>; poll(): Promise<void> } {
  const seen = new Map<string, number>();
  const read = new Set<string>();
  return {
    seen,
    async poll() {
      for (const file of await readdir(outboxDir).catch(() => [])) {
        if (read.has(file) || !file.endsWith('.json')) continue;
        read.add(file);
        const delivery = snsDeliverySchema.safeParse(JSON.parse(await readFile(join(outboxDir, file), 'utf8').catch(() => '{}')));
        if (!delivery.success || !delivery.data.subject) continue;
        const at = Date.parse(delivery.data.timestamp);
        if (at < (seen.get(delivery.data.subject) ?? Number.POSITIVE_INFINITY)) seen.set(delivery.data.subject, at);
      }
    },
  };
}

/** Waits until every title has an alert in the outbox; returns when each was first seen. */
async function watchAlerted(alerts: ReturnType<typeof watchAlerts>, titles: readonly string[], timeoutMs: number): Promise<Map<string, number>> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await alerts.poll();
    if (titles.every((title) => alerts.seen.has(title))) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return new Map(titles.flatMap((title) => (alerts.seen.has(title) ? [[title, alerts.seen.get(title) ?? 0] as const] : [])));
}

/**
 * Drops the corpus into a fresh local stack and measures, in one run:
 * burst throughput (all 100 uploaded at once through S3) with its
 * drop-to-live latencies, then single drops into the watched folder one at a
 * time (an editor's experience), with theirs.
 */
export async function measurePipelineRun({
  singleDrops = Number(process.env.BENCH_SINGLE ?? 20),
}: {
  singleDrops?: number;
} = {}): Promise<PipelineRun> {
  const load = loadavg()[0] ?? Number.NaN;
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
    // Made before the burst, as the article table was (see prepareRequestCosts).
    const requestCostTable = await prepareRequestCosts(endpoints.dynamodb);
    const drafts = await loadCorpusDrafts();
    const s3 = new S3Client({
      endpoint: endpoints.s3,
      region: LOCAL_REGION,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      requestChecksumCalculation: 'WHEN_REQUIRED',
    });
    const slugOf = (draft: CorpusDraft) => slugify(draft.title);

    const counter = countDynamoDbRequests();
    const alerts = watchAlerts(endpoints.outboxDir);
    // The whole corpus at once, and a breaking draft dropped half-way through the uploads.
    // BENCH_BURST shrinks the burst for development (default: the whole corpus).
    const burst = drafts.slice(0, Number(process.env.BENCH_BURST ?? drafts.length));
    const breakingTitle = 'Harbour bridge closed after ship strike';
    // Breaking alerts carry this prefix in their subject (see buildSubscriberAlert).
    const breakingSubject = snsSubject(`Breaking: ${breakingTitle}`);
    const breakingSlug = 'breaking-harbour-bridge-closed';
    const breakingMarkdown = `---\ntitle: ${JSON.stringify(breakingTitle)}\nslug: ${breakingSlug}\nsection: World\nbreaking: true\n---\n\nThe harbour bridge was closed on Tuesday after a cargo ship struck one of its piers. Police said the closure would last several hours. Traffic was diverted through the tunnel.\n`;
    const dropped = new Map<string, number>();
    let breakingDroppedAt = 0;
    const before = counter.snapshot();
    const jvmMarker = localPaths(home).dynamodb;
    const cpuBefore = { node: ownCpuSeconds(), jvm: await cpuSecondsOf(jvmMarker) };
    const burstStart = Date.now();
    await Promise.all(
      burst.map(async (draft, index) => {
        dropped.set(slugOf(draft), Date.now());
        await s3.send(new PutObjectCommand({ Bucket: endpoints.draftsBucket, Key: `drafts/burst/${draft.name}`, Body: draft.markdown }));
        if (index === Math.floor(burst.length / 2)) {
          breakingDroppedAt = Date.now();
          await s3.send(new PutObjectCommand({ Bucket: endpoints.draftsBucket, Key: 'drafts/breaking.md', Body: breakingMarkdown }));
        }
      }),
    );
    // Two corpus articles share a headline, so the second claims a taken slug and is rejected, as it should be.
    const burstSlugs = [...new Set(burst.map(slugOf))];
    const [burstLive, breakingLive] = await Promise.all([
      watchLive(endpoints.site, burstSlugs, 300_000, storedPages(join(localPaths(home).s3, endpoints.siteBucket))),
      watchLive(endpoints.site, [breakingSlug], 300_000),
    ]);
    const burstCpu = { node: ownCpuSeconds() - cpuBefore.node, jvm: (await cpuSecondsOf(jvmMarker)) - cpuBefore.jvm };
    const burstEnd = Math.max(...burstLive.values());
    const burstLatencies = [...burstLive].map(([slug, at]) => at - (dropped.get(slug) ?? at));
    const burstTitles = [...new Set(burst.map((draft) => snsSubject(draft.title)))];
    const alerted = await watchAlerted(alerts, [...burstTitles, breakingSubject], 300_000);
    const alertedEnd = Math.max(...[...alerted].filter(([title]) => title !== breakingSubject).map(([, at]) => at));
    await stack.settled();
    const burstRequests = requestsBetween(counter.snapshot(), before);
    const perPublish = describePerPublish(burstRequests, burstLive.size + 1);
    const targetsPerPublish = describeTargetsPerPublish(burstRequests, burstLive.size + 1);
    const writeUnitsPerPublish = describeWriteUnitsPerPublish(burstRequests, burstLive.size + 1);
    counter.stop();
    const itemSizes = await describeItemSizes(endpoints.dynamodb, endpoints.tableName);
    const breakingLiveMs = (breakingLive.get(breakingSlug) ?? Number.NaN) - breakingDroppedAt;
    const breakingAlertMs = (alerted.get(breakingSubject) ?? Number.NaN) - breakingDroppedAt;
    // Where the breaking draft's time went: each stage's milestone (the functions' own records), from its drop.
    const breakingId = articleIdFor('drafts/breaking.md');
    const breakingStages = (await readLocalMilestones(localPaths(home).metricsFile))
      .filter((record) => record.draftKey === 'drafts/breaking.md' || record.articles?.split(',').some((ref) => ref.startsWith(`${breakingId}@`)))
      .map((record) => `${record.milestone} +${Date.parse(record.at) - breakingDroppedAt}`)
      .join(', ');
    const liveBeforeBreaking = [...burstLive.values()].filter((at) => at < (breakingLive.get(breakingSlug) ?? 0)).length;

    const singleLatencies: number[] = [];
    const singleStages = new Map<string, number[]>();
    for (const [index, draft] of drafts.slice(0, singleDrops).entries()) {
      const slug = `single-drop-${index}`;
      const name = `single-${draft.name}`;
      const at = Date.now();
      await writeFile(join(endpoints.draftsDir, name), draft.markdown.replace('---\n', `---\nslug: ${slug}\n`));
      const live = await watchLive(endpoints.site, [slug], 30_000);
      const liveAt = live.get(slug);
      if (liveAt) singleLatencies.push(liveAt - at);
      await stack.settled();
      // When the S3 event was sent (the watcher's upload), the version stored, and the page rendered.
      const records = await readLocalMilestones(localPaths(home).metricsFile);
      const ingested = records.find((record) => record.milestone === 'ingested' && record.draftKey === `drafts/${name}`);
      const id = articleIdFor(`drafts/${name}`);
      const rendered = records.find((record) => record.milestone === 'rendered' && record.articles?.includes(`${id}@`));
      const stages: Array<[string, string | undefined]> = [
        ['uploaded', ingested?.savedAt],
        ['stored', ingested?.at],
        ['rendered', rendered?.at],
      ];
      for (const [stage, when] of stages) if (when) singleStages.set(stage, [...(singleStages.get(stage) ?? []), Date.parse(when) - at]);
    }
    const publishes = burstLive.size + 1;
    const measuredCosts = await requestCostTable.measure(jvmMarker, publishRequestKinds(burstRequests, publishes));
    const requestCosts = describeRequestCosts(
      measuredCosts,
      reconcileRequestCosts(measuredCosts, {
        seconds: (burstEnd - burstStart) / 1000,
        publishes,
        jvmMsPerPublish: (1000 * burstCpu.jvm) / publishes,
        itemsWrittenPerPublish: burstRequests.itemsWritten / publishes,
      }),
    );
    const singleBreakdown = [...singleStages].map(([stage, values]) => `${stage} ${ms(quantile(values, 0.5))}`).join(', ');
    const seconds = (burstEnd - burstStart) / 1000;
    const cpuMs = (cpuSeconds: number) => ms((1000 * cpuSeconds) / (burstLive.size + 1));
    const alertedSeconds = (alertedEnd - burstStart) / 1000;
    const burstAlerted = alerted.size - (alerted.has(breakingSubject) ? 1 : 0);
    const figures: PipelineFigures = {
      load,
      liveSeconds: seconds,
      draftsPerSecond: burstLive.size / seconds,
      alertedSeconds,
      allLive: burstLive.size === burstSlugs.length,
      allAlerted: burstAlerted === burstTitles.length,
      liveToAlertedSeconds: (alertedEnd - burstEnd) / 1000,
      burstP50Ms: quantile(burstLatencies, 0.5),
      burstP95Ms: quantile(burstLatencies, 0.95),
      breakingLiveMs,
      breakingAlertMs,
      singleP50Ms: quantile(singleLatencies, 0.5),
      readsPerPublish: burstRequests.reads / publishes,
      rcuPerPublish: burstRequests.readUnits / publishes,
      writesPerPublish: burstRequests.writes / publishes,
      wcuPerPublish: burstRequests.writeUnits / publishes,
      nodeCpuMsPerPublish: (1000 * burstCpu.node) / publishes,
      jvmCpuMsPerPublish: (1000 * burstCpu.jvm) / publishes,
    };
    const report = [
      `Pipeline: ${drafts.length} corpus drafts into a fresh local stack (startup ${ms(startup)}); load average ${load.toFixed(1)} at the start`,
      '',
      '| measure | result | goal |',
      '|---|---|---|',
      `| burst of ${burst.length} via S3 (${burstSlugs.length} distinct slugs; ${burst.length - burstSlugs.length} rejected as a taken slug): all live | ${burstLive.size}/${burstSlugs.length} live in ${seconds.toFixed(2)} s = **${figures.draftsPerSecond.toFixed(1)} drafts/s** | ≥ ${PIPELINE_GOALS.draftsPerSecond} drafts/s |`,
      `| burst: all live and alerted | ${burstAlerted}/${burstTitles.length} alerted in **${alertedSeconds.toFixed(2)} s** | ≤ ${PIPELINE_GOALS.alertedSeconds} s |`,
      `| burst: drop-to-live | p50 ${ms(figures.burstP50Ms)}, p95 ${ms(figures.burstP95Ms)} | |`,
      `| breaking draft dropped half-way through the burst | live in **${ms(breakingLiveMs)}**, alerted in **${ms(breakingAlertMs)}**; ${liveBeforeBreaking}/${burstSlugs.length} burst articles were live before it; its milestones (ms after the drop): ${breakingStages} | ≤ ${PIPELINE_GOALS.breakingMs} ms |`,
      `| DynamoDB requests per publish (burst, every stage: ingest, related neighbours, render, alert) | ${perPublish} | |`,
      `| the same by command and item kind (partition key prefix or index) | ${targetsPerPublish} | |`,
      `| WCU per publish by command and item kind | ${writeUnitsPerPublish} | |`,
      `| article table item sizes after the burst (as DynamoDB counts them) | ${itemSizes} | |`,
      `| CPU per publish until all live (this process: every function, s3rver, the CDN server, the bench; DynamoDB Local's JVM) | node ${cpuMs(burstCpu.node)}, JVM ${cpuMs(burstCpu.jvm)} per publish = ${(burstCpu.node + burstCpu.jvm).toFixed(1)} CPU s for the burst in ${seconds.toFixed(1)} s (${Math.round((100 * (burstCpu.node + burstCpu.jvm)) / seconds)}% of one core; ${cpus().length} cores) | |`,
      `| CPU ms per request, JVM / node, of each kind a publish sends (requests per publish ×; ~1 KB items; node: the SDK's side), priced after the burst on a scratch table made before it, and what they account for | ${requestCosts} | |`,
      `| ${singleDrops} single drops into the folder, idle | ${singleLatencies.length}/${singleDrops} live; drop-to-live **p50 ${ms(figures.singleP50Ms)}**, p95 ${ms(quantile(singleLatencies, 0.95))} (includes the watcher's 150 ms settle time); p50 after the write: ${singleBreakdown} | p50 ≤ ${PIPELINE_GOALS.singleP50Ms} ms |`,
    ].join('\n');
    return { figures, report };
  } finally {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/**
 * The pipeline section: `runs` runs of {@link measurePipelineRun} one after another, each in a process of its own
 * with a fresh stack (the functions' modules keep the clients of the stack they were first loaded with), every run's
 * report, then the runs side by side with their median, by which the goals are judged.
 */
export async function runPipelineBenchmark({ runs = 1 }: { runs?: number } = {}): Promise<string> {
  const count = Math.max(1, Math.floor(runs));
  const dir = await mkdtemp(join(tmpdir(), 'newsroom-bench-runs-'));
  const done: PipelineRun[] = [];
  try {
    for (let i = 0; i < count; i++) {
      if (count > 1) console.error(`  … pipeline run ${i + 1} of ${count}`);
      const out = join(dir, `run-${i + 1}.json`);
      await promisify(execFile)(TSX, [ONE_RUN, out], { maxBuffer: 64 * 1024 * 1024 });
      done.push(pipelineRunSchema.parse(JSON.parse(await readFile(out, 'utf8'))));
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const reports = done.map(({ report }, i) => (count > 1 ? `## Run ${i + 1} of ${count}\n\n${report}` : report));
  return [...reports, summarisePipelineRuns(done.map(({ figures }) => figures))].join('\n\n');
}
