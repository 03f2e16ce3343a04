import type { ArchiveReader, BulkArticleLists } from '../ports/article-lists';
import type { CdnInvalidator } from '../ports/cdn-invalidator';
import type { SiteBucket } from '../ports/site-bucket';
import type { ArticleHead } from '../domain/article';
import {
  archivePageCount,
  listedArticle,
  ListSnapshot,
  ordinalsNeeded,
  parseListId,
  planListings,
  type PageKey,
  type RenderedFile,
  type SiteConfig,
} from '../domain/render';
import { type ListReader, renderPage, staticFiles } from './render-pages';

/** A phase of a rebuild, for progress reports. */
export type RebuildPhase = 'lists' | 'pages';

/** What a rebuild needs. */
export interface RebuildDependencies {
  readonly archive: ArchiveReader;
  readonly lists: BulkArticleLists;
  readonly site: SiteBucket;
  readonly cdn: CdnInvalidator;
  readonly siteConfig: SiteConfig;
  /** Called as work advances: the phase, units done, units in the phase. */
  readonly onProgress?: (phase: RebuildPhase, done: number, total: number) => void;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** Files handed to the bucket per write call. @default 16 */
  readonly writeBatch?: number;
  /** Write calls in flight. @default 4 */
  readonly writesInFlight?: number;
}

/** What a rebuild did. */
export interface RebuildSummary {
  readonly articles: number;
  readonly lists: number;
  /** Listings written (articles newly listed or whose listing changed); 0 when the lists were up to date. */
  readonly listingsWritten: number;
  readonly files: number;
  readonly milliseconds: number;
}

/** Every page key of a site whose lists are known: each article, each list's front and archive pages, feeds, sitemaps. */
export function allPageKeys(heads: readonly ArticleHead[], totals: ReadonlyMap<string, number>): PageKey[] {
  const keys: PageKey[] = heads.map((head) => ({ kind: 'article', slug: head.slug }));
  for (const [id, total] of totals) {
    const ref = parseListId(id);
    if (ref.kind === 'month') {
      keys.push({ kind: 'month-sitemap', listId: id });
      continue;
    }
    keys.push({ kind: 'list', listId: id });
    for (let page = 1; page <= archivePageCount(total); page += 1) keys.push({ kind: 'list', listId: id, page });
    if (ref.kind === 'home' || ref.kind === 'section') keys.push({ kind: 'feed', listId: id });
  }
  keys.push({ kind: 'sitemap-index' }, { kind: 'news-sitemap' });
  return keys;
}

/** The {@link ListReader} of page rendering over a snapshot held in memory. */
function snapshotReader(snapshot: ListSnapshot): ListReader {
  return {
    total: async (id) => snapshot.total(id),
    front: async (id, total) => snapshot.front(id, total),
    archivePage: async (id, page) => snapshot.archivePage(id, page),
    latest: async (id, limit) => snapshot.latest(id, limit),
    all: async (id) => snapshot.all(id),
    months: async () => snapshot.months(),
  };
}

/**
 * Re-renders the whole site from the table, in bulk: reads every published
 * head once, lists them all in memory (oldest first, so new lists number
 * from the oldest, as publishing them one by one would), writes only the
 * listings that changed (ordinals reserved from the lists' counters, items
 * in BatchWriteItem) while it renders every page, feed and sitemap from the
 * lists held in memory and writes them with several bucket writes in flight,
 * plus the static files, and invalidates `/*` once both are done. The per-publish path
 * (`render-site`) is unchanged.
 */
export async function rebuildSite(deps: RebuildDependencies): Promise<RebuildSummary> {
  const started = Date.now();
  const now = (deps.clock ?? (() => new Date()))();
  const heads = (await deps.archive.publishedHeads()).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const articles = heads.map(listedArticle);
  deps.onProgress?.('lists', 0, heads.length);
  const stored = await deps.lists.listings(heads.map((head) => head.id));
  const needed = ordinalsNeeded(articles, stored);
  const firstFree = needed.size > 0 ? await deps.lists.reserveOrdinals(needed) : new Map<string, number>();
  const plan = planListings(articles, stored, firstFree);
  const touched = new Set<string>();
  for (const { ordinals } of plan.listings.values()) for (const id of Object.keys(ordinals)) touched.add(id);
  for (const { previous } of plan.changes) for (const id of Object.keys(previous?.ordinals ?? {})) touched.add(id);
  const planned = [...touched].map(parseListId).flatMap((ref) => (ref.kind === 'month' ? [ref.slug] : []));
  // The counters were reserved above, and the snapshot answers every page's list reads, so the pages need not
  // wait for the listing writes: both run at once (the table and the bucket are different services).
  const [totals, storedMonths] = await Promise.all([deps.lists.totals([...touched]), deps.lists.months()]);
  const months = [...new Set([...storedMonths, ...planned])].sort();
  const snapshot = new ListSnapshot(plan.listings.values(), totals, months);
  deps.onProgress?.('lists', heads.length, heads.length);
  let listingsDone = 0;
  let pagesDone = false;
  const listingsWritten = deps.lists.writeListings(plan.changes, (done) => {
    listingsDone = done;
    if (pagesDone) deps.onProgress?.('lists', listingsDone, plan.changes.length);
  });

  const keys = allPageKeys(heads, totals);
  const ctx = {
    lists: snapshotReader(snapshot),
    site: deps.siteConfig,
    articles: new Map(heads.map((head) => [head.slug, head])),
    totals: Object.fromEntries(totals),
    now,
  };
  const statics = staticFiles(deps.siteConfig);
  const pagesWritten = (async () => {
    await deps.site.write(statics);
    const written = await writeAll(keys, (key) => renderPage(key, ctx), deps);
    pagesDone = true;
    if (listingsDone < plan.changes.length) deps.onProgress?.('lists', listingsDone, plan.changes.length);
    return written;
  })();
  const [files] = await Promise.all([pagesWritten, listingsWritten]);
  await deps.cdn.invalidate(['/*']);
  return {
    articles: heads.length,
    lists: totals.size,
    listingsWritten: plan.changes.length,
    files: statics.length + files,
    milliseconds: Date.now() - started,
  };
}

/**
 * Renders `keys` in batches and writes each batch while the next ones render,
 * at most `writesInFlight` writes at a time; returns the number of files.
 */
async function writeAll(
  keys: readonly PageKey[],
  render: (key: PageKey) => Promise<RenderedFile[]>,
  deps: Pick<RebuildDependencies, 'site' | 'onProgress' | 'writeBatch' | 'writesInFlight'>,
): Promise<number> {
  const batchSize = deps.writeBatch ?? 16;
  let next = 0;
  let done = 0;
  let files = 0;
  const worker = async () => {
    while (next < keys.length) {
      const from = next;
      next += batchSize;
      const batch = keys.slice(from, next);
      const rendered: RenderedFile[] = [];
      for (const key of batch) rendered.push(...(await render(key)));
      await deps.site.write(rendered);
      files += rendered.length;
      done += batch.length;
      deps.onProgress?.('pages', done, keys.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.writesInFlight ?? 4) }, worker));
  return files;
}
