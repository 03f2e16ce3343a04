import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleLists } from '../ports/article-lists';
import type { ArticleStore } from '../ports/article-store';
import type { CdnInvalidator } from '../ports/cdn-invalidator';
import type { SiteBucket } from '../ports/site-bucket';
import type { ArticleHead, ArticleHeadWithContent } from '../domain/article';
import { allows } from '../domain/lifecycle';
import { dropToLiveMs } from '../domain/publishing/drop-to-live';
import { affectedPages, invalidationPaths, listedArticle, PageSet, pageName, type RenderedArticle, type SiteConfig } from '../domain/render';
import { withContent } from '../domain/article-content';
import { rewriteStaleArticles } from './rewrite-stale-articles';
import { writeCurrentPages } from './write-current-pages';

/** What rendering needs. */
export interface RenderDependencies {
  readonly store: Pick<ArticleStore, 'getHeads' | 'getContents' | 'transition'>;
  readonly lists: ArticleLists;
  readonly site: SiteBucket;
  readonly cdn: CdnInvalidator;
  readonly siteConfig: SiteConfig;
  /** Puts the static files before any page; `staticFilesOnce` writes them on an instance's first batch only. */
  readonly writeStaticFiles: () => Promise<void>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
}

/** What happened to one render request. */
export type RenderOutcome = 'rendered' | 'stale';

/** What one render wrote, for logs and benchmarks. */
export interface RenderReport {
  readonly outcome: RenderOutcome;
  /** The pages re-rendered (see `affectedPages`), by `pageName`. */
  readonly pages: readonly string[];
  /** Keys of the content files written (pages, feeds, sitemaps), static files excluded. */
  readonly written: readonly string[];
  /** Paths of the one CDN invalidation requested (often none; see `invalidationPaths`). */
  readonly invalidated: readonly string[];
  /** Drop-to-live of each version that went live in this batch, in ms (see `dropToLiveMs`). */
  readonly dropToLiveMs: readonly number[];
}

/** The `pagesRendered` event for a head as read: it applies only if the head still holds what was rendered. */
function renderedEvent(head: ArticleHead) {
  return { type: 'pagesRendered', alertDue: head.alertDue, relatedRev: head.relatedRev ?? 0 } as const;
}

const STALE: RenderReport = { outcome: 'stale', pages: [], written: [], invalidated: [], dropToLiveMs: [] };

/**
 * Renders the article versions a batch of stream records announces, and only
 * the pages they change: published articles' own pages first (they read no
 * list, so an article is live before the list work starts and no list links
 * to it before), then each current version updates the list read model
 * (home, section, tag, byline, month) and `affectedPages` says which pages
 * moved; the union of those pages is rendered once (a home page or feed
 * touched by ten stories is written once, not ten times) after the static
 * files are in place (so no page is live before its CSS), and written again
 * if a list it shows moved meanwhile (`writeCurrentPages`); one CDN
 * invalidation is requested for the few paths a CDN lifetime cannot fix in
 * time (`invalidationPaths`): the request only queues it, so CloudFront
 * refusing or failing it never holds an article here; then each article
 * moves on (the lifecycle's `pagesRendered`: to the notify stage when an
 * alert is owed, else done). A withdrawn article's
 * page becomes a 410 notice and it leaves every list; an old slug becomes a
 * 301 to the new one. Stale (no longer current, already rendered) and
 * repeated records are skipped. If anything fails the whole batch throws and
 * is retried; every step is safe to repeat.
 */
export async function renderSiteBatch(deps: RenderDependencies, refs: readonly ArticleVersionRef[]): Promise<RenderReport> {
  const now = (deps.clock ?? (() => new Date()))();
  const pages = new PageSet();
  const articles = new Map<string, ArticleHeadWithContent>();
  const moved = new Map<string, string>();
  const current: ArticleHeadWithContent[] = [];
  const rendered: RenderedArticle[] = [];
  // Articles whose current version was already on the lists: a re-render, not the version going live.
  const listedBefore = new Set<string>();
  // Every head and listing of the batch read at once; a repeated record is one article.
  const refsById = new Map(refs.map((ref) => [ref.id, ref]));
  const ids = [...refsById.keys()];
  // The content is read with the heads, at the versions the records name: a head at another version is skipped.
  const [heads, contents, listings] = await Promise.all([
    deps.store.getHeads(ids),
    deps.store.getContents([...refsById.values()]),
    deps.lists.getListings(ids),
  ]);
  const due = ids.flatMap((id) => {
    const head = heads.get(id);
    if (!head || head.version !== refsById.get(id)?.version || !allows(head, renderedEvent(head))) return [];
    return [{ head: withContent(head, contents), previous: listings.get(id) }];
  });
  if (due.length === 0) return STALE;
  // A published article's own page needs no list: it is written first, so the article is live before the list work
  // (counters, home, section, feeds, sitemaps) starts, and no list links to it before. A withdrawn article's 410 and
  // an old slug's 301 go out with the lists, which drop or move the article at the same time.
  const ownPages = new PageSet();
  for (const { head, previous } of due) {
    articles.set(head.slug, head);
    current.push(head);
    if (head.status === 'published') ownPages.add({ kind: 'article', slug: head.slug });
    if (previous && previous.article.slug !== head.slug && head.status === 'published') moved.set(previous.article.slug, head.slug);
  }
  const context = { site: deps.siteConfig, articles, moved, now };
  await deps.writeStaticFiles();
  const ownFiles = await writeCurrentPages(deps, [...ownPages], context);
  const liveAt = (deps.clock ?? (() => new Date()))();

  // One counter update per list for the whole batch, not one per article.
  const update = await deps.lists.updateListings(
    due.map(({ head, previous }) => ({
      id: head.id,
      next: head.status === 'published' ? listedArticle(head) : undefined,
      previous,
      version: head.version,
    })),
  );
  for (const { head, previous } of due) {
    if (previous?.article.updatedAt === head.updatedAt) listedBefore.add(head.id);
    const own = update.updates.get(head.id);
    for (const page of affectedPages({ slug: head.slug, previous, next: own?.listing, totals: own?.totals ?? {}, now })) pages.add(page);
    if (previous && previous.article.slug !== head.slug) pages.add({ kind: 'article', slug: previous.article.slug });
    rendered.push({ head, previous: previous && { slug: previous.article.slug, updatedAt: previous.article.updatedAt } });
  }
  const ownNames = new Set([...ownPages].map(pageName));
  const files = await writeCurrentPages(
    deps,
    [...pages].filter((page) => !ownNames.has(pageName(page))),
    context,
  );
  const { written: rewritten, rewritten: rewrittenHeads } = await rewriteStaleArticles(deps, current, now);
  const dropToLive = current.flatMap((head) => dropToLiveMs(head, liveAt, listedBefore.has(head.id)) ?? []);
  const invalidated = invalidationPaths(rendered);
  await deps.cdn.invalidate(invalidated);

  // A page written again for a related list that changed while rendering shows that list: the head is marked rendered
  // at it, so the change's own stream record finds nothing left to render. Refused when the list changed after that
  // last read: that change's own record renders it again. (A newer version is not marked: this batch listed the older.)
  const moves = await Promise.all(
    current.map((head) => {
      const latest = rewrittenHeads.get(head.id);
      const shown = latest?.version === head.version ? latest : head;
      return deps.store.transition(shown, renderedEvent(shown));
    }),
  );
  if (!moves.some(Boolean)) return STALE;
  return {
    outcome: 'rendered',
    pages: [...pages].map(pageName),
    written: [...new Set([...ownFiles, ...files, ...rewritten].map((file) => file.key))],
    invalidated,
    dropToLiveMs: dropToLive,
  };
}
