import { execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { freeStackPorts } from '../../infra/local/free-port';
import { startLocalStack } from '../../infra/local/local-stack';
import { loadCorpusDrafts } from '../corpus/corpus-drafts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const NEWSROOM = join(ROOT, 'infra', 'cli', 'newsroom.ts');
/** The import goal: 10,000 articles into the local stack in 5 minutes. */
const IMPORT_GOAL_PER_SECOND = 10_000 / 300;

/** One synthetic archive article: corpus article `i mod n` with its own slug and an original date 15 minutes apart. */
interface ArchiveArticle {
  readonly slug: string;
  readonly title: string;
  readonly section: string;
  readonly tags: readonly string[];
  readonly date: string;
  readonly body: string;
}

async function synthesiseArchive(size: number): Promise<ArchiveArticle[]> {
  const corpus = await loadCorpusDrafts();
  const start = Date.parse('2020-01-01T00:00:00.000Z');
  return Array.from({ length: size }, (_, index) => {
    const source = corpus[index % corpus.length]!;
    const paragraphs = source.markdown.split('\n---\n')[1]?.trim().split('\n\n') ?? [];
    // Rotating the paragraphs gives every copy of a corpus article its own lead and takeaways.
    const shift = Math.floor(index / corpus.length) % Math.max(paragraphs.length, 1);
    return {
      slug: `archive-${index}`,
      title: `${source.title} (${index})`,
      section: source.section,
      tags: [source.section.toLowerCase(), `topic-${index % 97}`],
      date: new Date(start + index * 15 * 60_000).toISOString(),
      body: [...paragraphs.slice(shift), ...paragraphs.slice(0, shift)].join('\n\n'),
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
async function writeHugoSite(dir: string, articles: readonly ArchiveArticle[]): Promise<void> {
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

/**
 * The honest rebuild figures: a synthetic archive of `size` articles (from the
 * corpus beside the checkout) imported into a fresh local stack with
 * `newsroom import`, then `newsroom rebuild` run as a cold process (table →
 * site bucket, through DynamoDB Local and s3rver), next to Hugo building the
 * same articles from Markdown in the same run where it is installed.
 * `BENCH_ARCHIVE` sets the size (default 10,000). Returns Markdown rows and
 * the import's progress output (for the docs capture).
 */
export async function runRealRebuildBenchmark(
  size = Number(process.env.BENCH_ARCHIVE ?? 10_000),
): Promise<{ rows: string[][]; importCapture: string }> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-rebuild-bench-'));
  const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), ...(await freeStackPorts()) });
  try {
    const articles = await synthesiseArchive(size);
    const archiveDir = join(home, 'archive');
    await writeNewsroomArchive(archiveDir, articles);
    const load = loadavg()[0]?.toFixed(1);
    const imported = await newsroom(home, ['import', archiveDir]);
    const importSeconds = imported.ms / 1000;
    const rebuilt = await newsroom(home, ['rebuild']);
    const files = Number(/: (\d+) files/.exec(rebuilt.stdout)?.[1] ?? Number.NaN);
    const rebuildSeconds = rebuilt.ms / 1000;
    const ours = files / rebuildSeconds;
    const rows = [
      [
        `Archive import, ${size.toLocaleString('en')} articles (\`newsroom import\`, cold process, into the local stack; includes its one rebuild)`,
        `${importSeconds.toFixed(1)} s = **${(size / importSeconds).toFixed(1)} articles/s** (load ${load}): ${imported.stdout.trim().split('\n')[0]}`,
        `≥ ${IMPORT_GOAL_PER_SECOND.toFixed(1)} articles/s (10,000 in ≤ 5 min)`,
      ],
      [
        `Real \`newsroom rebuild\`, ${size.toLocaleString('en')} articles (cold process, table → site bucket)`,
        `${files} files in ${rebuildSeconds.toFixed(1)} s = **${Math.round(ours)} pages/s**`,
        '≥ 2 × Hugo',
      ],
    ];
    const hugo = await hugoVersion();
    if (hugo) {
      const site = join(home, 'hugo');
      await writeHugoSite(site, articles);
      const started = performance.now();
      await promisify(execFile)('hugo', ['--quiet', '--source', site, '--destination', join(site, 'public')], { maxBuffer: 64 * 1024 * 1024 });
      const hugoSeconds = (performance.now() - started) / 1000;
      const hugoFiles = await countFiles(join(site, 'public'), ['.html', '.xml']);
      const theirs = hugoFiles / hugoSeconds;
      rows.push(
        [
          `Hugo ${hugo}, the same ${size.toLocaleString('en')} articles (cold process, Markdown → disk; plain layouts with related links)`,
          `${hugoFiles} pages in ${hugoSeconds.toFixed(1)} s = **${Math.round(theirs)} pages/s**`,
          '',
        ],
        ['Real rebuild ÷ Hugo', `**${(ours / theirs).toFixed(2)}×**`, '≥ 2×'],
      );
    } else {
      rows.push(['Hugo', 'not installed (apt-get install -y hugo): no peer figure in this run', '']);
    }
    return { rows, importCapture: imported.stderr };
  } finally {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}
