import { articlePath } from '../article';
import type { PageKey } from './page-key';
import { parseListId } from './listing';
import { listPath, type PagedListKind } from './urls';

/** Most paths one invalidation names before per-list paths are folded into one wildcard per list kind. */
export const MAX_INVALIDATION_PATHS = 8;

function pathsOf(key: PageKey): string[] {
  switch (key.kind) {
    case 'article':
      return [`${articlePath(key.slug)}*`];
    case 'feed':
      return ['/feeds/*'];
    case 'list': {
      const ref = parseListId(key.listId);
      const kind = ref.kind as PagedListKind;
      if (kind === 'home') return key.page === undefined ? ['/', '/index.html'] : ['/page/*'];
      return [`${listPath(kind, ref.slug)}*`];
    }
    default:
      return ['/sitemap*'];
  }
}

/**
 * The CloudFront paths to invalidate for a set of re-rendered pages, in one
 * batch: a page folder as `<folder>*` (the viewer-request function rewrites
 * `/x/` to `/x/index.html`, and both may be cached), all feeds as `/feeds/*`,
 * all sitemaps as `/sitemap*`, the home page as `/` and `/index.html`. When
 * that is more than {@link MAX_INVALIDATION_PATHS}, tag, then author, then
 * section paths are folded into `/tags/*`, `/authors/*`, `/sections/*`.
 */
export function invalidationPaths(keys: Iterable<PageKey>): string[] {
  let paths = [...new Set([...keys].flatMap(pathsOf))];
  for (const folder of ['/tags/', '/authors/', '/sections/']) {
    if (paths.length <= MAX_INVALIDATION_PATHS) break;
    const kept = paths.filter((path) => !path.startsWith(folder));
    if (kept.length < paths.length - 1) paths = [...kept, `${folder}*`];
  }
  return paths.sort();
}
