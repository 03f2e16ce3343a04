import type { ArchiveReader, ArticleLists } from '../ports/article-lists';
import type { CdnInvalidator } from '../ports/cdn-invalidator';
import type { SiteBucket } from '../ports/site-bucket';
import type { ArticleHead } from '../domain/article';
import { archivePageCount, listedArticle, parseListId, type PageKey, type SiteConfig } from '../domain/render';
import { renderPage, staticFiles } from './render-pages';

/** What a rebuild needs. */
export interface RebuildDependencies {
  readonly archive: ArchiveReader;
  readonly lists: ArticleLists;
  readonly site: SiteBucket;
  readonly cdn: CdnInvalidator;
  readonly siteConfig: SiteConfig;
  /** Called as work advances: the phase, units done, units in the phase. */
  readonly onProgress?: (phase: 'lists' | 'pages', done: number, total: number) => void;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** What a rebuild did. */
export interface RebuildSummary {
  readonly articles: number;
  readonly lists: number;
  readonly files: number;
  readonly milliseconds: number;
}

const WRITE_BATCH = 25;

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

/**
 * Re-renders the whole site from the table: brings every published article's
 * listing up to date (oldest first, so new lists number from the oldest),
 * then renders and writes every page, feed and sitemap plus the static files,
 * and invalidates `/*` once.
 */
export async function rebuildSite(deps: RebuildDependencies): Promise<RebuildSummary> {
  const started = Date.now();
  const now = (deps.clock ?? (() => new Date()))();
  const heads = (await deps.archive.publishedHeads()).sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  const totals = new Map<string, number>();
  for (const [index, head] of heads.entries()) {
    const previous = await deps.lists.getListing(head.id);
    const update = await deps.lists.updateListing(head.id, listedArticle(head), previous);
    for (const [id, total] of Object.entries(update.totals)) totals.set(id, Math.max(total, totals.get(id) ?? 0));
    deps.onProgress?.('lists', index + 1, heads.length);
  }
  const keys = allPageKeys(heads, totals);
  const ctx = {
    lists: deps.lists,
    site: deps.siteConfig,
    articles: new Map(heads.map((head) => [head.slug, head])),
    totals: Object.fromEntries(totals),
    now,
  };
  await deps.site.write(staticFiles(deps.siteConfig));
  let files = staticFiles(deps.siteConfig).length;
  for (let start = 0; start < keys.length; start += WRITE_BATCH) {
    const batch = keys.slice(start, start + WRITE_BATCH);
    const rendered = (await Promise.all(batch.map((key) => renderPage(key, ctx)))).flat();
    await deps.site.write(rendered);
    files += rendered.length;
    deps.onProgress?.('pages', Math.min(start + WRITE_BATCH, keys.length), keys.length);
  }
  await deps.cdn.invalidate(['/*']);
  return { articles: heads.length, lists: totals.size, files, milliseconds: Date.now() - started };
}
