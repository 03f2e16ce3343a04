import type { ArchiveReader, ArticleLists, BulkArticleLists } from '../ports/article-lists';
import type { CdnInvalidator } from '../ports/cdn-invalidator';
import type { SiteBucket } from '../ports/site-bucket';
import type { ArticleHead, ArticleHeadWithContent } from '../domain/article';
import {
  archivePageCount,
  listedArticle,
  listId,
  listsOf,
  ListSnapshot,
  PageSet,
  ordinalsNeeded,
  parseListId,
  planListings,
  type PageKey,
  type RenderedFile,
  type SiteConfig,
} from '../domain/render';
import { type ListReader, renderPage, staticFiles } from './render-pages';
import { writeCurrentPages } from './write-current-pages';

/** A phase of a rebuild, for progress reports. */
export type RebuildPhase = 'lists' | 'pages';

/** What a rebuild needs. */
export interface RebuildDependencies {
  readonly archive: ArchiveReader;
  readonly lists: BulkArticleLists;
  /** The lists as live renders read them: what catches up with stories that changed while the rebuild ran. */
  readonly live: ListReader & Pick<ArticleLists, 'revisions' | 'getListings' | 'updateListings'>;
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
  /** Stories published, changed or withdrawn while the rebuild ran, whose pages it rendered again from the table. */
  readonly caughtUp: number;
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

/** A site whose lists are planned and whose listing writes are under way (see {@link listSite}). */
export interface ListedSite {
  /**
   * Renders every page, feed and sitemap from the planned lists, with `heads`
   * (ones listed, with later changes such as related links) in place of the
   * listed ones, writes them beside the listing writes, and invalidates `/*`
   * once both are done.
   */
  render(heads?: readonly ArticleHeadWithContent[]): Promise<RebuildSummary>;
  /** Waits for the listing writes (after an interruption, so that none is left half done). */
  settled(): Promise<void>;
}

/**
 * The first half of a bulk rebuild: reads every published head once (and
 * takes `extra` heads not yet in the table, e.g. an import's), lists them all
 * in memory (oldest first, so new lists number from the oldest, as publishing
 * them one by one would), reserves new ordinals from the lists' counters, and
 * starts writing the listings that changed (BatchWriteItem), without waiting
 * for them: the snapshot held in memory answers every page's list reads.
 */
export async function listSite(deps: RebuildDependencies, extra: readonly ArticleHeadWithContent[] = []): Promise<ListedSite> {
  const started = Date.now();
  const byId = new Map((await deps.archive.publishedHeads()).map((head) => [head.id, head]));
  for (const head of extra) if (!byId.has(head.id)) byId.set(head.id, head);
  const heads = [...byId.values()].sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const articles = heads.map(listedArticle);
  const stored = await deps.lists.listings(heads.map((head) => head.id));
  const needed = ordinalsNeeded(articles, stored);
  const firstFree = needed.size > 0 ? await deps.lists.reserveOrdinals(needed) : new Map<string, number>();
  const plan = planListings(articles, stored, firstFree);
  const touched = new Set<string>();
  for (const { ordinals } of plan.listings.values()) for (const id of Object.keys(ordinals)) touched.add(id);
  for (const { previous } of plan.changes) for (const id of Object.keys(previous?.ordinals ?? {})) touched.add(id);
  const planned = [...touched].map(parseListId).flatMap((ref) => (ref.kind === 'month' ? [ref.slug] : []));
  const [totals, storedMonths] = await Promise.all([deps.lists.totals([...touched]), deps.lists.months()]);
  const months = [...new Set([...storedMonths, ...planned])].sort();
  const snapshot = new ListSnapshot(plan.listings.values(), totals, months);
  deps.onProgress?.('lists', 0, plan.changes.length);
  const listingsWritten = deps.lists.writeListings(plan.changes, (done) => deps.onProgress?.('lists', done, plan.changes.length));
  // Awaited later (by render or settled); a failure meanwhile must not count as an unhandled rejection.
  listingsWritten.catch(() => undefined);

  return {
    settled: () => listingsWritten,
    async render(latest = []) {
      const current = new Map(heads.map((head) => [head.id, head]));
      for (const head of latest) if (current.has(head.id)) current.set(head.id, head);
      const pageHeads = [...current.values()];
      const keys = allPageKeys(pageHeads, totals);
      const ctx = {
        lists: snapshotReader(snapshot),
        site: deps.siteConfig,
        articles: new Map(pageHeads.map((head) => [head.slug, head])),
        totals: Object.fromEntries(totals),
        now: (deps.clock ?? (() => new Date()))(),
      };
      const statics = staticFiles(deps.siteConfig);
      await deps.site.write(statics);
      const files = await writeAll(keys, (key) => renderPage(key, ctx), deps);
      await listingsWritten;
      const caughtUp = await catchUp(deps, current, ctx.now);
      await deps.cdn.invalidate(['/*']);
      return {
        articles: heads.length,
        lists: totals.size,
        listingsWritten: plan.changes.length,
        files: statics.length + files + caughtUp.files,
        caughtUp: caughtUp.stories,
        milliseconds: Date.now() - started,
      };
    },
  };
}

/**
 * Catches a rebuild up with live publishing. The rebuild rendered the heads it
 * read at its start, so a story published, changed or withdrawn meanwhile may
 * have had its own render land before the rebuild's pages, which then put the
 * old state back (a withdrawn story's page, a home page without the new one),
 * and its listing writes may have listed again a story withdrawn meanwhile.
 * The published versions are read again (ids and versions only) and the heads
 * of the stories that changed fetched; a story that left the published index
 * and is listed is unlisted through the live path's `updateListings`; each
 * gets its article page (a 410 or 301 where it left or moved) and every page
 * of each list it is or was on rendered again from the table, through the
 * revision check of live renders.
 */
async function catchUp(
  deps: RebuildDependencies,
  rendered: ReadonlyMap<string, ArticleHeadWithContent>,
  now: Date,
): Promise<{ stories: number; files: number }> {
  const versions = new Map((await deps.archive.publishedVersions()).map((seen) => [seen.id, seen]));
  const ids = [...new Set([...rendered.keys(), ...versions.keys()])].filter((id) => {
    const [before, after] = [rendered.get(id), versions.get(id)];
    return !(before && after && before.version === after.version && (before.relatedRev ?? 0) === (after.relatedRev ?? 0));
  });
  if (ids.length === 0) return { stories: 0, files: 0 };
  const [current, listings] = await Promise.all([deps.archive.heads(ids), deps.live.getListings(ids)]);
  const live = new Map(current.filter((head) => head.status === 'published').map((head) => [head.id, head]));
  const headVersions = new Map(current.map((head) => [head.id, head.version]));
  // Stories the rebuild had read that were withdrawn or edited meanwhile: its listing writes may have put back the
  // listing of the version it read. List them as they are now, while the head is still at that version.
  const relisted = ids.filter((id) => rendered.has(id) && listings.has(id));
  if (relisted.length > 0)
    await deps.live.updateListings(
      relisted.map((id) => {
        const head = live.get(id);
        return { id, next: head && listedArticle(head), previous: listings.get(id), version: headVersions.get(id) };
      }),
    );
  const pages = new PageSet();
  const lists = new Set(['home']);
  const moved = new Map<string, string>();
  const articles = new Map([...rendered.values()].map((head) => [head.slug, head]));
  for (const id of ids) {
    const [before, after] = [rendered.get(id), live.get(id)];
    if (before && articles.get(before.slug)?.id === id) articles.delete(before.slug);
    for (const head of [before, after].filter((known) => known !== undefined)) {
      pages.add({ kind: 'article', slug: head.slug });
      for (const ref of listsOf(head)) lists.add(listId(ref));
    }
    for (const list of Object.keys(listings.get(id)?.ordinals ?? {})) lists.add(list);
    if (before && after && before.slug !== after.slug) moved.set(before.slug, after.slug);
  }
  for (const head of live.values()) articles.set(head.slug, head);
  const totals = new Map([...(await deps.live.revisions([...lists]))].map(([id, { total }]) => [id, total]));
  for (const key of allPageKeys([], totals)) pages.add(key);
  const files = await writeCurrentPages({ lists: deps.live, site: deps.site }, [...pages], { site: deps.siteConfig, articles, moved, now });
  return { stories: ids.length, files: files.length };
}

/**
 * Re-renders the whole site from the table, in bulk: {@link listSite}, then
 * every page, feed and sitemap rendered from the lists held in memory and
 * written with several bucket writes in flight while the listings are
 * written, plus the static files, and `/*` invalidated once. The per-publish
 * path (`renderSiteBatch`, the stream consumer's render job) is unchanged.
 */
export async function rebuildSite(deps: RebuildDependencies): Promise<RebuildSummary> {
  return (await listSite(deps)).render();
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
