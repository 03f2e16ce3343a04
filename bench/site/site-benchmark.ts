import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import MarkdownIt from 'markdown-it';
import { STAGES } from '../../events/names';
import type { ArticleHead } from '../../shared/domain/article';
import { renderArticlePage, stylesheet, type RenderedFile, type SiteConfig } from '../../shared/domain/render';
import { rebuildSite } from '../../shared/use-cases/rebuild-site';
import { staticFilesOnce } from '../../shared/use-cases/render-pages';
import { renderSiteBatch } from '../../shared/use-cases/render-site';
import { createMemoryLists } from './memory-lists';

const CORPUS = '/work/shared/corpus/bbc-news-summary';
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
function synthesise(size: number): ArticleHead[] {
  const corpus = readCorpus();
  const start = Date.parse('2024-01-01T00:00:00.000Z');
  return Array.from({ length: size }, (_, index) => {
    const source = corpus[index % corpus.length] as CorpusArticle;
    const at = new Date(start + index * 15 * 60 * 1000).toISOString();
    const section = source.category[0]?.toUpperCase() + source.category.slice(1);
    const sentences = source.summary.split(/(?<=\.)\s*/).filter(Boolean);
    return {
      id: `a${index}`,
      slug: `${source.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${index}`,
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
    } satisfies ArticleHead;
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

/**
 * The reader-site benchmark: a full in-memory rebuild of a 10,000-article
 * archive next to plain markdown-it on the same bodies, one publish into that
 * archive, and the seed article's page weight. Returns a Markdown report.
 */
export async function runSiteBenchmark(): Promise<string> {
  const heads = synthesise(ARCHIVE_SIZE);

  const md = new MarkdownIt();
  let mdStart = performance.now();
  for (const head of heads) md.render(head.body);
  let mdMs = performance.now() - mdStart;
  // Second pass, warmed up, for a fair comparison with the (also warmed-up) page renderer.
  mdStart = performance.now();
  for (const head of heads) md.render(head.body);
  mdMs = performance.now() - mdStart;

  for (const head of heads.slice(0, 500)) renderArticlePage(head, SITE);
  const articleStart = performance.now();
  for (const head of heads) renderArticlePage(head, SITE);
  const articleMs = performance.now() - articleStart;

  const lists = createMemoryLists();
  const bucket = countingBucket();
  const rebuildStart = performance.now();
  await rebuildSite({
    archive: { publishedHeads: async () => heads },
    lists,
    site: bucket.site,
    cdn: { invalidate: async () => undefined },
    siteConfig: SITE,
    clock: () => new Date(Date.parse(heads.at(-1)?.publishedAt ?? '') + 3600_000),
  });
  const rebuildMs = performance.now() - rebuildStart;

  const fresh: ArticleHead = {
    ...(heads[123] as ArticleHead),
    id: 'new-story',
    slug: 'new-story',
    title: 'A new story',
    publishedAt: new Date(Date.parse(heads.at(-1)?.publishedAt ?? '') + 60_000).toISOString(),
    updatedAt: new Date(Date.parse(heads.at(-1)?.publishedAt ?? '') + 60_000).toISOString(),
    stage: STAGES.render,
  };
  const publishBucket = countingBucket();
  let invalidated: readonly string[] = [];
  const publishStart = performance.now();
  const report = await renderSiteBatch(
    {
      store: { getHead: async () => fresh, advanceStage: async () => true },
      lists,
      site: publishBucket.site,
      cdn: { invalidate: async (paths) => void (invalidated = paths) },
      siteConfig: SITE,
      writeStaticFiles: staticFilesOnce(publishBucket.site, SITE),
      clock: () => new Date(Date.parse(fresh.publishedAt) + 60_000),
    },
    [{ id: fresh.id, version: fresh.version }],
  );
  const publishMs = performance.now() - publishStart;

  const seed = renderArticlePage({ ...fresh, body: heads[0]?.body ?? '' }, SITE);
  const css = stylesheet();
  const weight = seed.body.length + css.body.length;
  const gzipped = gzipSync(seed.body).length + gzipSync(css.body).length;

  const pagesPerSecond = bucket.state.files / (rebuildMs / 1000);
  const articlesPerSecond = ARCHIVE_SIZE / (articleMs / 1000);
  const mdPerSecond = ARCHIVE_SIZE / (mdMs / 1000);
  const htmlWritten = report.written.filter((key) => key.endsWith('.html')).length;
  const rows = [
    ['Full rebuild, 10,000 articles (in memory, one core)', `${bucket.state.files} files in ${(rebuildMs / 1000).toFixed(2)} s = **${Math.round(pagesPerSecond)} pages/s** (${((pagesPerSecond / mdPerSecond) * 100).toFixed(0)}% of markdown-it's bodies/s)`, '≥ 1,000 pages/s'],
    ['Article pages alone', `${Math.round(articlesPerSecond)} pages/s`, ''],
    ['Plain markdown-it, same 10,000 bodies', `${Math.round(mdPerSecond)} bodies/s (article pages at ${((articlesPerSecond / mdPerSecond) * 100).toFixed(0)}% of it)`, 'pages ≥ 50% of it'],
    ['One publish: files written', `${report.written.length} (${htmlWritten} HTML pages, ${report.written.length - htmlWritten} feeds/sitemaps); + 4 static files on a function instance's first batch only`, '≤ 12'],
    ['One publish: paths invalidated', `${invalidated.length}: ${invalidated.join(' ')}`, '≤ 8'],
    ['One publish: time', `${publishMs.toFixed(1)} ms = 1/${Math.round(rebuildMs / publishMs)} of the full rebuild`, '≤ 1/50'],
    ['Article page weight (HTML + CSS)', `${kb(weight)} uncompressed, ${kb(gzipped)} gzipped`, '≤ 30 KB, ≤ 10 KB'],
  ];
  return [
    '## Reader site',
    '',
    '| measure | result | goal |',
    '|---|---|---|',
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
    `Pages re-rendered by the publish: ${report.pages.join(', ')}`,
    '',
  ].join('\n');
}
