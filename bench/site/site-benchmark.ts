import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import MarkdownIt from 'markdown-it';
import { STAGES } from '../../shared/domain/lifecycle';
import { CORPUS_DIR } from '../corpus/corpus-drafts';
import type { ArticleHeadWithContent } from '../../shared/domain/article';
import { clearRenderCaches, renderArticlePage, stylesheet, type RenderedFile, type SiteConfig } from '../../shared/domain/render';
import { rebuildSite } from '../../shared/use-cases/rebuild-site';
import { renderPage } from '../../shared/use-cases/render-pages';
import { renderSiteBatch, type RenderReport } from '../../shared/use-cases/render-site';
import { median } from '../size/load-time';
import { createMemoryLists } from './memory-lists';
import { createMemoryArchiveReader } from '../../shared/adapters/memory-archive-reader';

const CORPUS = CORPUS_DIR;
const ARCHIVE_SIZE = 10_000;
const SITE: SiteConfig = { baseUrl: 'https://news.example.com', publication: 'Newsroom Daily' };
const BYLINES = ['Business Desk', 'Politics Desk', 'Sports Desk', 'Tech Desk', 'Culture Desk', 'Jane Doe', 'Wei Chen'];

interface CorpusArticle {
  readonly category: string;
  readonly title: string;
  readonly paragraphs: string[];
  readonly summary: string;
}

function readCorpus(): CorpusArticle[] {
  const out: CorpusArticle[] = [];
  for (const category of readdirSync(join(CORPUS, 'article')).sort()) {
    for (const file of readdirSync(join(CORPUS, 'article', category)).sort()) {
      const [title = '', ...rest] = readFileSync(join(CORPUS, 'article', category, file), 'latin1').split('\n');
      const summary = readFileSync(join(CORPUS, 'summary', category, file), 'latin1');
      out.push({ category, title: title.trim(), paragraphs: rest.map((line) => line.trim()).filter(Boolean), summary });
    }
  }
  return out;
}

/** A synthetic archive of `size` articles from the BBC corpus, one every 15 minutes, oldest first. */
function synthesise(size: number): ArticleHeadWithContent[] {
  const corpus = readCorpus();
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  return Array.from({ length: size }, (_, index) => {
    const source = corpus[index % corpus.length] as CorpusArticle;
    const at = new Date(start + index * 15 * 60 * 1000).toISOString();
    const section = source.category[0]?.toUpperCase() + source.category.slice(1);
    const sentences = source.summary.split(/(?<=\.)\s*/).filter(Boolean);
    return {
      id: `a${index}`,
      slug: `${source.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')}-${index}`,
      version: 1,
      status: 'published',
      title: source.title,
      dek: source.paragraphs[0],
      section,
      tags: [`${source.category}-${index % 40}`, `topic-${index % 97}`],
      byline: BYLINES[index % BYLINES.length],
      language: 'en',
      takeaways: sentences.slice(0, 3),
      takeawaysSource: 'extractive',
      breaking: false,
      body: source.paragraphs.slice(1).join('\n\n'),
      related: [],
      publishedAt: at,
      updatedAt: at,
      draftKey: `drafts/${index}.md`,
      stage: STAGES.done,
      sourceHash: `h${index}`,
      alertDue: false,
    } satisfies ArticleHeadWithContent;
  });
}

function countingBucket() {
  const state = { files: 0, bytes: 0, keys: [] as string[] };
  return {
    state,
    site: {
      write: async (files: readonly RenderedFile[]) => {
        state.files += files.length;
        for (const file of files) state.bytes += file.body.length;
        state.keys.push(...files.map((file) => file.key));
      },
    },
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const ROUNDS = 3;
const SMALL_ARCHIVE_SIZE = 1_000;

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** An archive rebuilt in memory: its list model, the files written and the time taken. */
interface RebuiltArchive {
  readonly heads: readonly ArticleHeadWithContent[];
  readonly lists: ReturnType<typeof createMemoryLists>;
  readonly files: number;
  readonly ms: number;
}

async function rebuildArchive(heads: readonly ArticleHeadWithContent[]): Promise<RebuiltArchive> {
  const lists = createMemoryLists();
  const bucket = countingBucket();
  const start = performance.now();
  await rebuildSite({
    archive: createMemoryArchiveReader(() => heads),
    lists,
    live: lists,
    site: bucket.site,
    cdn: { invalidate: async () => undefined },
    siteConfig: SITE,
    clock: () => new Date(Date.parse(heads.at(-1)?.publishedAt ?? '') + 3600_000),
  });
  return { heads, lists, files: bucket.state.files, ms: performance.now() - start };
}

/** One new article rendered into an archive, as render-site does on AWS. */
interface Published {
  readonly article: ArticleHeadWithContent;
  readonly report: RenderReport;
  readonly invalidated: readonly string[];
  readonly ms: number;
}

async function publishInto(archive: RebuiltArchive, story: number): Promise<Published> {
  const last = Date.parse(archive.heads.at(-1)?.publishedAt ?? '') + story * 600_000;
  const at = new Date(last + 60_000).toISOString();
  const article: ArticleHeadWithContent = {
    ...(archive.heads[123] as ArticleHeadWithContent),
    id: `new-story-${story}`,
    slug: `new-story-${story}`,
    title: `A new story (${story})`,
    publishedAt: at,
    updatedAt: at,
    stage: STAGES.render,
  };
  const bucket = countingBucket();
  let invalidated: readonly string[] = [];
  const start = performance.now();
  const report = await renderSiteBatch(
    {
      store: {
        getHeads: async () => new Map([[article.id, article]]),
        getContents: async () => new Map([[article.id, article]]),
        transition: async () => true,
      },
      lists: archive.lists,
      site: bucket.site,
      cdn: {
        invalidate: async (paths) => {
          invalidated = paths;
        },
      },
      siteConfig: SITE,
      // A warm instance: the static files went out with its first batch.
      writeStaticFiles: async () => undefined,
      clock: () => new Date(last + 120_000),
    },
    [{ id: article.id, version: article.version }],
  );
  return { article, report, invalidated, ms: performance.now() - start };
}

/** One render of `head` into the archive (as its stream event would trigger), returning the paths it invalidated. */
async function renderInto(archive: RebuiltArchive, head: ArticleHeadWithContent, at: number): Promise<readonly string[]> {
  let invalidated: readonly string[] = [];
  await renderSiteBatch(
    {
      store: { getHeads: async () => new Map([[head.id, head]]), getContents: async () => new Map([[head.id, head]]), transition: async () => true },
      lists: archive.lists,
      site: countingBucket().site,
      cdn: {
        invalidate: async (paths) => {
          invalidated = paths;
        },
      },
      siteConfig: SITE,
      writeStaticFiles: async () => undefined,
      clock: () => new Date(at),
    },
    [{ id: head.id, version: head.version }],
  );
  return invalidated;
}

/**
 * CDN paths invalidated per publish over a newsroom's month, in proportions
 * stated here (per 100 new stories: 5 breaking, 20 updates or corrections,
 * 1 rename, 1 withdrawal, and 250 related-links refreshes of older stories),
 * each rendered for real into the archive. CloudFront bills paths beyond
 * 1,000 a month at $0.005 each.
 */
async function invalidationMix(archive: RebuiltArchive): Promise<{ perPublish: number; byKind: Record<string, number> }> {
  let at = Date.parse(archive.heads.at(-1)?.publishedAt ?? '') + 86_400_000;
  const next = () => {
    at += 60_000;
    return new Date(at).toISOString();
  };
  const counts: Record<string, { events: number; paths: number }> = {};
  const run = async (kind: string, times: number, make: (i: number) => ArticleHeadWithContent) => {
    for (let i = 0; i < times; i++) {
      const paths = await renderInto(archive, make(i), at);
      counts[kind] = { events: (counts[kind]?.events ?? 0) + 1, paths: (counts[kind]?.paths ?? 0) + paths.length };
    }
  };
  const base = (i: number): ArticleHeadWithContent => archive.heads[(i * 37) % archive.heads.length] as ArticleHeadWithContent;
  const fresh = (i: number, breaking: boolean): ArticleHeadWithContent => {
    const when = next();
    return {
      ...base(i),
      id: `mix-${i}`,
      slug: `mix-${i}`,
      version: 1,
      breaking,
      alertDue: true,
      publishedAt: when,
      updatedAt: when,
      stage: STAGES.render,
    };
  };
  await run('new story', 95, (i) => fresh(i, false));
  await run('breaking story', 5, (i) => fresh(100 + i, true));
  await run('update or correction', 20, (i) => ({
    ...base(i),
    version: base(i).version + 1,
    updatedAt: next(),
    correction: 'Corrected.',
    alertDue: false,
    stage: STAGES.render,
  }));
  await run('related refresh', 250, (i) => ({ ...base(500 + i), alertDue: false, stage: STAGES.render }));
  await run('rename', 1, (i) => ({
    ...base(900 + i),
    slug: `renamed-${i}`,
    version: base(900 + i).version + 1,
    updatedAt: next(),
    alertDue: false,
    stage: STAGES.render,
  }));
  await run('withdrawal', 1, (i) => ({
    ...base(950 + i),
    status: 'withdrawn',
    version: base(950 + i).version + 1,
    updatedAt: next(),
    alertDue: false,
    stage: STAGES.render,
  }));
  const total = Object.values(counts).reduce((sum, count) => sum + count.paths, 0);
  const byKind = Object.fromEntries(Object.entries(counts).map(([kind, count]) => [kind, count.paths / count.events]));
  return { perPublish: total / 100, byKind };
}

/**
 * The reader-site benchmark: a full in-memory rebuild of a 10,000-article
 * archive next to plain markdown-it on the same bodies, one publish into that
 * archive, and the seed article's page weight. Returns a Markdown report.
 */
export async function runSiteBenchmark(): Promise<string> {
  const heads = synthesise(ARCHIVE_SIZE);

  const md = new MarkdownIt();
  // Warm-up passes, so that every measured pass runs optimised code.
  for (const head of heads) md.render(head.body);
  for (const head of heads.slice(0, 500)) renderArticlePage(head, SITE);
  await rebuildArchive(heads.slice(0, SMALL_ARCHIVE_SIZE));
  const mdRuns: number[] = [];
  const articleRuns: number[] = [];
  const rebuildRuns: number[] = [];
  let archive: RebuiltArchive | undefined;
  // Rounds interleave the three measures, so that a busy moment on the machine hits all of them alike;
  // each measure starts from empty render caches, as a new process would.
  for (let round = 0; round < ROUNDS; round += 1) {
    clearRenderCaches();
    mdRuns.push(
      timed(() => {
        for (const head of heads) md.render(head.body);
      }),
    );
    clearRenderCaches();
    articleRuns.push(
      timed(() => {
        for (const head of heads) renderArticlePage(head, SITE);
      }),
    );
    clearRenderCaches();
    archive = await rebuildArchive(heads);
    rebuildRuns.push(archive.ms);
  }
  if (!archive) throw new Error('no rebuild ran');
  const [mdMs, articleMs, rebuildMs] = [median(mdRuns), median(articleRuns), median(rebuildRuns)];

  const smallArchive = await rebuildArchive(heads.slice(0, SMALL_ARCHIVE_SIZE));
  const small = await publishInto(smallArchive, 1);
  const largeRuns: Published[] = [];
  for (let story = 1; story <= ROUNDS; story += 1) largeRuns.push(await publishInto(archive, story));
  const large = largeRuns[0]!;
  const publishMs = median(largeRuns.map((run) => run.ms));

  const mix = await invalidationMix(archive);
  const seed = renderArticlePage({ ...large.article, body: heads[0]?.body ?? '' }, SITE);
  const css = stylesheet();
  const weight = seed.body.length + css.body.length;
  const gzipped = gzipSync(seed.body).length + gzipSync(css.body).length;

  const [front] = await renderPage({ kind: 'list', listId: 'home' }, { lists: archive.lists, site: SITE, articles: new Map(), now: new Date() });
  const frontHtml = front?.body ?? '';
  const frontWeight = Buffer.byteLength(frontHtml) + Buffer.byteLength(css.body);
  const frontGzipped = gzipSync(frontHtml).length + gzipSync(css.body).length;

  const pagesPerSecond = archive.files / (rebuildMs / 1000);
  const articlesPerSecond = ARCHIVE_SIZE / (articleMs / 1000);
  const mdPerSecond = ARCHIVE_SIZE / (mdMs / 1000);
  const written = (p: Published) => {
    const html = p.report.written.filter((key) => key.endsWith('.html')).length;
    return `${html} HTML pages + ${p.report.written.length - html} feeds/sitemaps`;
  };
  const rows = [
    [
      'Warm in-memory rebuild, 10,000 articles (articles built before the timer; no table reads, no bucket writes; one core)',
      `${archive.files} files in ${(rebuildMs / 1000).toFixed(2)} s = **${Math.round(pagesPerSecond)} pages/s** (**${((pagesPerSecond / mdPerSecond) * 100).toFixed(0)}%** of markdown-it's bodies/s)`,
      '≥ 1,000 pages/s, ≥ 50%',
    ],
    ['Article pages alone', `${Math.round(articlesPerSecond)} pages/s (${((articlesPerSecond / mdPerSecond) * 100).toFixed(0)}% of markdown-it)`, ''],
    ['Plain markdown-it, same 10,000 bodies', `${Math.round(mdPerSecond)} bodies/s`, ''],
    [
      'One publish: pages written',
      `into 1,000 articles: ${written(small)}; into 10,000: ${written(large)}. Static files: on a function instance's first batch only`,
      '≤ 12 pages',
    ],
    [
      'One publish: paths invalidated',
      `into 1,000: ${small.invalidated.length}; into 10,000: ${large.invalidated.length} (lists, feeds and sitemaps refresh by their 30 s lifetime)`,
      '',
    ],
    [
      'Paths invalidated per publish, newsroom mix',
      `**${mix.perPublish.toFixed(2)}** (${Object.entries(mix.byKind)
        .map(([kind, paths]) => `${kind} ${paths.toFixed(2)}`)
        .join(', ')}); at 100 stories a day ≈ ${Math.round(mix.perPublish * 3000)} paths a month`,
      '≤ 2',
    ],
    ['One publish: time', `${publishMs.toFixed(1)} ms = 1/${Math.round(rebuildMs / publishMs)} of the full rebuild`, '≤ 1/50'],
    ['Article page weight (HTML + CSS)', `${kb(weight)} uncompressed, ${kb(gzipped)} gzipped`, '≤ 30 KB, ≤ 10 KB'],
    [
      'Front page weight (HTML + CSS; lead, top stories, section blocks, Latest)',
      `${kb(frontWeight)} uncompressed, ${kb(frontGzipped)} gzipped`,
      '≤ 30 KB, ≤ 10 KB',
    ],
  ];
  return [
    '## Reader site',
    '',
    '| measure | result | goal |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Pages re-rendered by the publish into 10,000: ${large.report.pages.join(', ')}. Related neighbours whose links change are`,
    `re-rendered by their own stream events afterwards (article page only; ${'`npm run bench -- related`'} counts them per publish).`,
    `Timings: median of ${ROUNDS} interleaved rounds (publish: of ${ROUNDS} new stories), each from empty render caches. Bodies that are prose only render without parsing (renderPlainProse), byte for byte as markdown-it.`,
    '',
  ].join('\n');
}
