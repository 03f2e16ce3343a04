import { articlePath } from '../article';
import type { PageKey } from './affected-pages';
import { parseListId } from './listing';
import { listPath, type PagedListKind } from './urls';

/** Most paths one invalidation names before per-list paths are folded into one wildcard per list kind. */
export const MAX_INVALIDATION_PATHS = 8;

function pathsOf(key: PageKey): string[] {
  const [type, rest = ''] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (type === 'article') return [`${articlePath(rest)}*`];
  if (type === 'feed') return ['/feeds/*'];
  if (type === 'sitemap') return ['/sitemap*'];
  const [id = '', , page] = rest.split(':');
  const ref = parseListId(id);
  const kind = ref.kind as PagedListKind;
  if (kind === 'home') return page === undefined ? ['/', '/index.html'] : ['/page/*'];
  return [`${listPath(kind, ref.slug)}*`];
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
