import { archivePageCount, LIST_PAGE_SIZE, frontFloor, NEWS_WINDOW_MS, pageOfOrdinal, parseListId, type ArticleListing } from './listing';

import { PageSet } from './page-key';

/** One publish, update or withdrawal, as the pages see it. */
export interface ListingChange {
  readonly slug: string;
  /** Where the article was listed before (as last rendered); undefined if never listed. */
  readonly previous?: ArticleListing;
  /** Where it is listed now; undefined when it is withdrawn (or otherwise unlisted). */
  readonly next?: ArticleListing;
  /** Ordinal count of every list in `previous` or `next`, after the change. */
  readonly totals: Readonly<Record<string, number>>;
  /** Now, for the news sitemap's 48-hour window. */
  readonly now: Date;
}

function sameArticle(a: ArticleListing['article'], b: ArticleListing['article']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function withinNewsWindow(listing: ArticleListing | undefined, now: Date): boolean {
  if (!listing) return false;
  const age = now.getTime() - Date.parse(listing.article.publishedAt);
  return age <= NEWS_WINDOW_MS;
}

/**
 * The set of pages whose content changes when an article moves from
 * `previous` to `next`: its own page; for each list it joins, leaves or
 * changes in, the front page if it is shown there and the archive page that
 * holds it (plus the two newest archive pages when a bucket fills up); the
 * feeds of the home and section lists whose front changes; the home front
 * page when a section's front changes (its section blocks); the sitemap part
 * of its month (and the index when a month starts); the news sitemap when it
 * is within 48 hours. Never depends on the archive's size.
 */
export function affectedPages(change: ListingChange): PageSet {
  const pages = new PageSet([{ kind: 'article', slug: change.slug }]);
  const before = change.previous?.ordinals ?? {};
  const after = change.next?.ordinals ?? {};
  const unchanged = change.previous !== undefined && change.next !== undefined && sameArticle(change.previous.article, change.next.article);

  for (const id of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = before[id];
    const is = after[id];
    if (unchanged && was !== undefined && was === is) continue;
    const total = change.totals[id] ?? Math.max(was ?? 0, is ?? 0);
    const ref = parseListId(id);
    if (ref.kind === 'month') {
      pages.add({ kind: 'month-sitemap', listId: id });
      if (was === undefined && total === 1) pages.add({ kind: 'sitemap-index' });
      continue;
    }
    const archived = archivePageCount(total);
    for (const ordinal of [was, is]) {
      if (ordinal === undefined) continue;
      if (ordinal > frontFloor(total)) {
        pages.add({ kind: 'list', listId: id });
        if (ref.kind === 'home' || ref.kind === 'section') pages.add({ kind: 'feed', listId: id });
        // The home page's section blocks show the newest few of each section's front.
        if (ref.kind === 'section') pages.add({ kind: 'list', listId: 'home' });
      }
      const page = pageOfOrdinal(ordinal);
      if (page <= archived) pages.add({ kind: 'list', listId: id, page });
    }
    // A new ordinal that completes a bucket moves the front page's floor up: the next archive page appears,
    // and its predecessor's "newer" link now points at it instead of the front page.
    if (is !== undefined && was === undefined && total % LIST_PAGE_SIZE === 0) {
      if (archived >= 1) pages.add({ kind: 'list', listId: id, page: archived });
      if (archived >= 2) pages.add({ kind: 'list', listId: id, page: archived - 1 });
    }
  }
  if (withinNewsWindow(change.previous, change.now) || withinNewsWindow(change.next, change.now)) pages.add({ kind: 'news-sitemap' });
  return pages;
}
