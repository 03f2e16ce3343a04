import type { ArticleHead } from '../article';
import { articleKey } from './urls';

/** One article a render batch moved, as far as the CDN is concerned. */
export interface RenderedArticle {
  readonly head: Pick<ArticleHead, 'slug' | 'status' | 'version' | 'updatedAt' | 'breaking' | 'alertDue'>;
  /** How it was listed before this render (absent for a new, restored or never-listed article). */
  readonly previous?: { readonly slug: string; readonly updatedAt: string };
}

/** The home page as CloudFront caches it: the viewer-request function rewrites `/` to `/index.html` before the cache lookup. */
export const HOME_PAGE_PATH = '/index.html';

/** An article page's cache path (`/articles/<slug>/index.html`, after the same rewrite). */
function articlePagePath(slug: string): string {
  return `/${articleKey(slug)}`;
}

/**
 * The paths to invalidate after a render: only what the CDN lifetime cannot
 * fix in time. List pages, feeds and sitemaps are never invalidated: their
 * short lifetime with `stale-while-revalidate` (`LIST_CACHE_CONTROL`) makes
 * them fresh within a minute. An article page lives an hour at the edge, so
 * it is invalidated when a reader could see an outdated version of it: an
 * update or correction, a withdrawal (now 410), a rename (its old path now
 * 301), or a restore (it was cached as 410). A first publication names a path
 * that was never cached (a cached 404 lives one minute) and a related-links
 * refresh of the same version can wait for the lifetime, so neither costs a
 * path. The home page is invalidated for breaking news that is owed an
 * alert. Paths are exact (no wildcard), as CloudFront caches them.
 */
export function invalidationPaths(articles: Iterable<RenderedArticle>): string[] {
  const paths = new Set<string>();
  for (const { head, previous } of articles) {
    if (previous) {
      if (previous.slug !== head.slug) paths.add(articlePagePath(previous.slug));
      if (previous.updatedAt !== head.updatedAt || head.status !== 'published') paths.add(articlePagePath(head.slug));
    } else if (head.version > 1) {
      paths.add(articlePagePath(head.slug));
    }
    if (head.status === 'published' && head.breaking && head.alertDue) paths.add(HOME_PAGE_PATH);
  }
  return [...paths].sort();
}
