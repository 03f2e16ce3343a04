import { STAGES } from '../../events/names';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleLists } from '../adapters/article-lists';
import type { ArticleStore } from '../adapters/article-store';
import type { CdnInvalidator } from '../adapters/cdn-invalidator';
import type { SiteBucket } from '../adapters/site-bucket';
import type { ArticleHead } from '../domain/article';
import { affectedPages, invalidationPaths, listedArticle, type PageKey, type SiteConfig } from '../domain/render';
import { renderPages, staticFiles } from './render-pages';

/** What rendering needs. */
export interface RenderDependencies {
  readonly store: Pick<ArticleStore, 'getHead' | 'advanceStage'>;
  readonly lists: ArticleLists;
  readonly site: SiteBucket;
  readonly cdn: CdnInvalidator;
  readonly siteConfig: SiteConfig;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** What happened to one render request. */
export type RenderOutcome = 'rendered' | 'stale';

/** What one render wrote, for logs and benchmarks. */
export interface RenderReport {
  readonly outcome: RenderOutcome;
  /** Page keys re-rendered (see `affectedPages`). */
  readonly pages: readonly PageKey[];
  /** Keys of the content files written (pages, feeds, sitemaps), static files excluded. */
  readonly written: readonly string[];
  /** Paths in the one CDN invalidation. */
  readonly invalidated: readonly string[];
}

const STALE: RenderReport = { outcome: 'stale', pages: [], written: [], invalidated: [] };

/**
 * Renders an article version and only the pages it changes: updates the list
 * read model (home, section, tag, byline, month), asks `affectedPages` which
 * pages moved, renders those, writes them after the static files (stylesheet
 * first, so no page is live before its CSS), sends one CDN invalidation with
 * every changed path, then moves the article on: to the notify stage when an
 * alert is owed, else done. A withdrawn article's page becomes a withdrawn
 * notice and it leaves every list. A request for a version that is no longer
 * current, or already rendered, is stale and does nothing.
 */
export function renderSiteWithReport(deps: RenderDependencies, ref: ArticleVersionRef): Promise<RenderReport> {
  return renderSiteBatch(deps, [ref]);
}

/** {@link renderSiteWithReport}, returning only the outcome. */
export async function renderSite(deps: RenderDependencies, ref: ArticleVersionRef): Promise<RenderOutcome> {
  return (await renderSiteBatch(deps, [ref])).outcome;
}

/**
 * {@link renderSiteWithReport} for a batch of stream records at once: each
 * current version updates the list read model, the pages all of them change
 * are rendered once (a home page or feed touched by ten stories is written
 * once, not ten times), one CDN invalidation goes out, and each article then
 * moves on. Stale and repeated records are skipped. If anything fails the
 * whole batch throws and is retried; every step is safe to repeat.
 */
export async function renderSiteBatch(deps: RenderDependencies, refs: readonly ArticleVersionRef[]): Promise<RenderReport> {
  const now = (deps.clock ?? (() => new Date()))();
  const pages = new Set<PageKey>();
  const articles = new Map<string, ArticleHead>();
  const moved = new Map<string, string>();
  const totals: Record<string, number> = {};
  const current: ArticleHead[] = [];
  for (const ref of refs) {
    if (current.some((head) => head.id === ref.id)) continue;
    const head = await deps.store.getHead(ref.id);
    if (!head || head.version !== ref.version || head.stage !== STAGES.render) continue;
    const previous = await deps.lists.getListing(head.id);
    const next = head.status === 'published' ? listedArticle(head) : undefined;
    const update = await deps.lists.updateListing(head.id, next, previous);
    Object.assign(totals, update.totals);
    for (const page of affectedPages({ slug: head.slug, previous, next: update.listing, totals: update.totals, now })) pages.add(page);
    if (previous && previous.article.slug !== head.slug) {
      pages.add(`article:${previous.article.slug}`);
      if (head.status === 'published') moved.set(previous.article.slug, head.slug);
    }
    articles.set(head.slug, head);
    current.push(head);
  }
  if (current.length === 0) return STALE;

  const files = await renderPages(pages, { lists: deps.lists, site: deps.siteConfig, articles, moved, totals, now });
  await deps.site.write(staticFiles(deps.siteConfig));
  await deps.site.write(files);
  const invalidated = invalidationPaths(pages);
  await deps.cdn.invalidate(invalidated, current.map((head) => `${head.id}-v${head.version}`).join(',').slice(0, 128));

  let advanced = 0;
  for (const head of current) {
    if (await deps.store.advanceStage(head.id, head.version, STAGES.render, head.alertDue ? STAGES.notify : STAGES.done)) advanced++;
  }
  return advanced > 0
    ? { outcome: 'rendered', pages: [...pages], written: files.map((file) => file.key), invalidated }
    : STALE;
}
