import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Endpoints } from '../../infra/local/endpoints';
import { freeStackPorts } from '../../infra/local/free-port';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { startLocalStack } from '../../infra/local/local-stack';
import { loadCorpusDrafts } from '../corpus/corpus-drafts';
import type { StandInCeilings } from './stand-in-ceilings';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const NEWSROOM = join(ROOT, 'infra', 'cli', 'newsroom.ts');
/** The import goal: 10,000 articles into the local stack in 5 minutes. */
const IMPORT_GOAL_PER_SECOND = 10_000 / 300;
/** The proposed bucket goal: the rebuild at this share of the bucket's own PUT ceiling, measured in the same run (on AWS S3 the ceiling is 3,500 PUT/s per prefix). */
const CEILING_SHARE_GOAL = 0.8;

/** One synthetic archive article: corpus article `i mod n` with its own slug and an original date 15 minutes apart. */
interface ArchiveArticle {
  readonly slug: string;
  readonly title: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly date: string;
  readonly body: string;
}

/**
 * `size` archive articles from the corpus: article `i` is corpus article
 * `i mod n` with its own slug and an original date 15 minutes after the
 * previous one. Copies of one corpus article differ: each keeps two thirds of
 * its paragraphs (a different third dropped per copy, rotated), and borrows
 * one paragraph of another article of its section, so that related links
 * rank follow-ups of a story, not identical texts.
 */
export async function synthesiseArchive(size: number): Promise<ArchiveArticle[]> {
  const corpus = await loadCorpusDrafts();
  const paragraphsOf = (markdown: string) => markdown.split('\n---\n')[1]?.trim().split('\n\n') ?? [];
  const start = Date.parse('2020-01-01T00:00:00.000Z');
  return Array.from({ length: size }, (_, index) => {
    const source = corpus[index % corpus.length]!;
    const copy = Math.floor(index / corpus.length);
    const paragraphs = paragraphsOf(source.markdown);
    const kept = paragraphs.filter((_, p) => paragraphs.length < 3 || (p + copy) % 3 !== 0);
    const shift = copy % Math.max(kept.length, 1);
    const sameSection = corpus.filter((other) => other.section === source.section && other !== source);
    const borrowed = sameSection.length > 0 ? paragraphsOf(sameSection[copy % sameSection.length]!.markdown)[1 + (copy % 3)] : undefined;
    const body = [...kept.slice(shift), ...kept.slice(0, shift)];
    if (borrowed) body.splice(Math.min(2, body.length), 0, borrowed);
    return {
      slug: `archive-${index}`,
      title: `${source.title} (${index})`,
      section: source.section,
      tags: [source.section.toLowerCase(), `topic-${index % 97}`],
      date: new Date(start + index * 15 * 60_000).toISOString(),
      body: body.join('\n\n'),
    };
  });
}

async function writeNewsroomArchive(dir: string, articles: readonly ArchiveArticle[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const article of articles) {
    const fields = [
      `title: ${JSON.stringify(article.title)}`,
      `slug: ${article.slug}`,
      `section: ${article.section}`,
      `tags: ${JSON.stringify(article.tags)}`,
      'byline: BBC News',
      `publishAt: ${article.date}`,
    ];
    await writeFile(join(dir, `${article.slug}.md`), `---\n${fields.join('\n')}\n---\n\n${article.body}\n`);
  }
}

/** A Hugo site of the same articles: sections, tags, an article page each, home, feeds and sitemap; plain layouts. */
export async function writeHugoSite(dir: string, articles: readonly ArchiveArticle[]): Promise<void> {
  await mkdir(join(dir, 'layouts', '_default'), { recursive: true });
  await writeFile(
    join(dir, 'hugo.toml'),
    'baseURL = "https://news.example.com/"\ntitle = "Newsroom Daily"\n[pagination]\npagerSize = 20\n[taxonomies]\ntag = "tags"\n',
  );
  const layout = (main: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body><header><a href="/">Newsroom Daily</a></header><main>${main}</main></body></html>`;
  await writeFile(
    join(dir, 'layouts', '_default', 'single.html'),
    layout(
      '<article><h1>{{ .Title }}</h1><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>{{ .Content }}<ul>{{ range .Params.tags }}<li><a href="/tags/{{ . | urlize }}/">{{ . }}</a></li>{{ end }}</ul><h2>Related</h2><ul>{{ range first 5 (.Site.RegularPages.Related .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></article>',
    ),
  );
  await writeFile(
    join(dir, 'layouts', '_default', 'list.html'),
    layout(
      '<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ template "_internal/pagination.html" . }}',
    ),
  );
  for (const article of articles) {
    const section = join(dir, 'content', article.section.toLowerCase());
    await mkdir(section, { recursive: true });
    const front = [
      `title: ${JSON.stringify(article.title)}`,
      `date: ${article.date}`,
      `slug: ${article.slug}`,
      `tags: ${JSON.stringify(article.tags)}`,
    ];
    await writeFile(join(section, `${article.slug}.md`), `---\n${front.join('\n')}\n---\n\n${article.body}\n`);
  }
}

async function countFiles(dir: string, suffixes: readonly string[]): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))).length;
}

/** Runs the `newsroom` command line as its own (cold) process against the stack in `home`; its stdout, stderr and time. */
function newsroom(home: string, args: readonly string[]): Promise<{ stdout: string; stderr: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(TSX, [NEWSROOM, ...args], { env: { ...process.env, NEWSROOM_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve({ stdout, stderr, ms: performance.now() - started })
        : reject(new Error(`newsroom ${args.join(' ')} exited ${code}:\n${stderr}`)),
    );
  });
}

/** Whether `hugo` is on the PATH. */
async function hugoVersion(): Promise<string | undefined> {
  try {
    return (await promisify(execFile)('hugo', ['version'])).stdout.trim().split(' ')[1];
  } catch {
    return undefined;
  }
}

/** Runs a bench script as its own (cold) process against the stack in `home`; its stdout and time. */
async function benchProcess(home: string, script: string, env: Record<string, string> = {}): Promise<{ stdout: string; ms: number }> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(TSX, [join(ROOT, 'bench', 'site', script)], {
    env: { ...process.env, ...env, NEWSROOM_HOME: home },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, ms: performance.now() - started };
}

const load = () => loadavg()[0]?.toFixed(1) ?? '?';

/**
 * The honest import and rebuild figures, on a fresh local stack (DynamoDB
 * Local on disk, s3rver, as `npm start` runs them): the stand-ins' own write
 * ceilings, measured from a process of their own; a synthetic archive of
 * `size` articles (from the corpus beside the checkout) imported with
 * `newsroom import` (which ends with one bulk rebuild); then `newsroom
 * rebuild` as a cold process (table → site bucket); the same rebuild with
 * local disk in place of the bucket; and Hugo building the same articles
 * from Markdown in the same run, where it is installed. `BENCH_ARCHIVE` sets
 * the size (default 10,000); `BENCH_IMPORT_CAPTURE=FILE` saves the import's
 * progress output. Returns a Markdown report.
 */
export async function runRealRebuildBenchmark(size = Number(process.env.BENCH_ARCHIVE ?? 10_000)): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-rebuild-bench-'));
  const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), ...(await freeStackPorts()) });
  try {
    const articles = await synthesiseArchive(size);
    const archiveDir = join(home, 'archive');
    await writeNewsroomArchive(archiveDir, articles);

    const ceilingLoad = load();
    const ceilings = JSON.parse((await benchProcess(home, 'stand-in-ceilings.ts')).stdout) as StandInCeilings;
    const itemsBefore = await tableItemCount(stack.endpoints);

    const importLoad = load();
    const imported = await newsroom(home, ['import', archiveDir]);
    if (process.env.BENCH_IMPORT_CAPTURE) await writeFile(process.env.BENCH_IMPORT_CAPTURE, imported.stderr);
    const importSeconds = imported.ms / 1000;
    const itemsPerArticle = ((await tableItemCount(stack.endpoints)) - itemsBefore) / size;
    const floorSeconds = (size * itemsPerArticle) / ceilings.batchWriteItemsPerSecond;

    // The import leaves its stream records to the stack's pollers: the rebuild is timed on a settled stack, as the ceilings were.
    const settleStarted = performance.now();
    await stack.settled();
    const settleSeconds = (performance.now() - settleStarted) / 1000;

    const rebuildLoad = load();
    const rebuilt = await newsroom(home, ['rebuild']);
    const files = Number(/: (\d+) files/.exec(rebuilt.stdout)?.[1] ?? Number.NaN);
    const rebuildSeconds = rebuilt.ms / 1000;
    const ours = files / rebuildSeconds;

    const diskLoad = load();
    const disk = await benchProcess(home, 'disk-rebuild.ts', { REBUILD_DIR: join(home, 'disk-site') });
    const diskFiles = Number(JSON.parse(disk.stdout).files);
    const diskRate = diskFiles / (disk.ms / 1000);

    const rows = [
      [
        'Stand-in ceilings (own cold process, fresh stack)',
        `DynamoDB Local (on disk): **${Math.round(ceilings.batchWriteItemsPerSecond)} items/s** with BatchWriteItem (~1 KB items, ${ceilings.batchWriteInFlight} in flight); s3rver (the stack's): **${Math.round(ceilings.putsPerSecond)} PUT/s** (~12 KB pages, ${ceilings.putsInFlight} in flight; s3rver as it comes, alone in a process of its own: ${Math.round(ceilings.stockPutsPerSecond)} PUT/s); the disk under them: ${Math.round(ceilings.syncedWritesPerSecond)} synced 4 KB writes/s (load ${ceilingLoad})`,
        '',
      ],
      [
        `Archive import, ${size.toLocaleString('en')} articles (\`newsroom import\`, cold process, into the local stack; includes its one bulk rebuild)`,
        `${importSeconds.toFixed(1)} s = **${(size / importSeconds).toFixed(1)} articles/s** (load ${importLoad}); ${itemsPerArticle.toFixed(1)} table items per article, so DynamoDB Local's ceiling alone takes ${floorSeconds.toFixed(0)} s (${((floorSeconds / importSeconds) * 100).toFixed(0)}% of the import). ${imported.stdout.trim().split('\n')[0]} The stack then took ${settleSeconds.toFixed(1)} s to settle (the import's stream records) before the rebuild was timed.`,
        `≥ ${IMPORT_GOAL_PER_SECOND.toFixed(1)} articles/s (10,000 in ≤ 5 min)`,
      ],
      [
        `Real \`newsroom rebuild\`, ${size.toLocaleString('en')} articles (cold process, table → site bucket; lists already up to date)`,
        `${files} files in ${rebuildSeconds.toFixed(1)} s = **${Math.round(ours)} pages/s** = **${((ours / ceilings.putsPerSecond) * 100).toFixed(0)}% of s3rver's PUT ceiling** (load ${rebuildLoad}). ${rebuilt.stdout.trim()}`,
        `issue: ≥ 2 × Hugo (below); proposed: ≥ 80% of the PUT ceiling measured above (${ours / ceilings.putsPerSecond >= CEILING_SHARE_GOAL ? 'met' : 'not met'})`,
      ],
      [
        'The same rebuild, local disk in place of the bucket (cold process, table → files)',
        `${diskFiles} files in ${(disk.ms / 1000).toFixed(1)} s = **${Math.round(diskRate)} pages/s** (load ${diskLoad})`,
        'proposed: ≥ 2 × Hugo (below)',
      ],
    ];
    const hugo = await hugoVersion();
    if (hugo) {
      const site = join(home, 'hugo');
      await writeHugoSite(site, articles);
      const hugoLoad = load();
      const started = performance.now();
      await promisify(execFile)('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], { maxBuffer: 64 * 1024 * 1024 });
      const hugoSeconds = (performance.now() - started) / 1000;
      const hugoFiles = await countFiles(join(site, 'public'), ['.html', '.xml']);
      const theirs = hugoFiles / hugoSeconds;
      rows.push(
        [
          `Hugo ${hugo}, the same ${size.toLocaleString('en')} articles (cold process, Markdown → disk; plain layouts with related links)`,
          `${hugoFiles} pages in ${hugoSeconds.toFixed(1)} s = **${Math.round(theirs)} pages/s** (load ${hugoLoad})`,
          '',
        ],
        [
          'Real rebuild ÷ Hugo',
          `to the bucket: **${(ours / theirs).toFixed(2)}×**; to disk: **${(diskRate / theirs).toFixed(2)}×**`,
          `issue: ≥ 2× to the bucket (${ours / theirs >= 2 ? 'met' : 'not met'}: s3rver's ceiling alone is ${(ceilings.putsPerSecond / theirs).toFixed(2)}× Hugo); proposed: ≥ 2× to disk (${diskRate / theirs >= 2 ? 'met' : 'not met'})`,
        ],
      );
    } else {
      rows.push(['Hugo', 'not installed (apt-get install -y hugo): no peer figure in this run', '']);
    }
    return ['| measure | result | goal |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`), ''].join('\n');
  } finally {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/** Items in the stack's article table (DynamoDB Local keeps DescribeTable's count current). */
async function tableItemCount(endpoints: Endpoints): Promise<number> {
  const client = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: endpoints.tableName }));
    return Table?.ItemCount ?? 0;
  } finally {
    client.destroy();
  }
}
