import { articlePath } from '../article';
import type { SiteConfig } from './site-config';

/**
 * Percent-encodes a site path for an `href` the way `encodeURI` does (so
 * Unicode slugs become UTF-8 `%XX` sequences) and also encodes `?` and `#`,
 * which would otherwise cut the path short.
 */
export function encodePath(path: string): string {
  if (PLAIN_PATH.test(path)) return path;
  return encodeURI(path).replace(/[?#]/g, (char) => encodeURIComponent(char));
}

// Characters encodeURI keeps as they are and that need no further encoding: most slugs are only these.
const PLAIN_PATH = /^[A-Za-z0-9\-_./~]*$/;

/** The root-relative, percent-encoded `href` of an article page, e.g. `/articles/some-slug/`. */
export function articleHref(slug: string): string {
  return encodePath(articlePath(slug));
}

/** The absolute, percent-encoded URL of an article page on the site. */
export function articleUrl(slug: string, site: SiteConfig): string {
  return `${site.baseUrl}${articleHref(slug)}`;
}

/** Site bucket key of an article page; keeps the slug's raw characters. */
export function articleKey(slug: string): string {
  return `${articlePath(slug).slice(1)}index.html`;
}

/** A labelled link in the Share Article block. */
export interface ShareLink {
  readonly label: string;
  readonly href: string;
  /** Class name suffix, e.g. `x`. */
  readonly network: string;
}

/** Plain (script-free) share links for a page: X, Facebook, LinkedIn, email, and the page itself to copy. */
export function shareLinks(pageUrl: string, title: string): readonly ShareLink[] {
  const url = encodeURIComponent(pageUrl);
  const text = encodeURIComponent(title);
  return [
    { network: 'x', label: 'Share on X', href: `https://twitter.com/intent/tweet?url=${url}&text=${text}` },
    { network: 'facebook', label: 'Share on Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${url}` },
    { network: 'linkedin', label: 'Share on LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${url}` },
    { network: 'email', label: 'Share by email', href: `mailto:?subject=${text}&body=${url}` },
    { network: 'copy', label: 'Copy link', href: pageUrl },
  ];
}

const LIST_FOLDERS = { section: 'sections', tag: 'tags', author: 'authors' } as const;

/** The lists that have HTML pages. */
export type PagedListKind = 'home' | keyof typeof LIST_FOLDERS;

/**
 * Root-relative path of a list page: `/` (home), `/sections/<slug>/`,
 * `/tags/<slug>/`, `/authors/<slug>/`; archive page N (numbered from the
 * oldest) at `…/page/N/`. Raw slug characters; see {@link encodePath}.
 */
export function listPath(kind: PagedListKind, slug: string, page?: number): string {
  const base = kind === 'home' ? '/' : `/${LIST_FOLDERS[kind]}/${slug}/`;
  return page === undefined ? base : `${base}page/${page}/`;
}

/** Site bucket key of a list page, e.g. `tags/ai/page/2/index.html`. */
export function listKey(kind: PagedListKind, slug: string, page?: number): string {
  return `${listPath(kind, slug, page).slice(1)}index.html`;
}

/** The feed formats, their file names and content types. */
export const FEED_FORMATS = {
  rss: { file: 'rss.xml', contentType: 'application/rss+xml; charset=utf-8', title: 'RSS' },
  atom: { file: 'atom.xml', contentType: 'application/atom+xml; charset=utf-8', title: 'Atom' },
  json: { file: 'feed.json', contentType: 'application/feed+json; charset=utf-8', title: 'JSON Feed' },
} as const;
/** A feed format. */
export type FeedFormat = keyof typeof FEED_FORMATS;

/** Root-relative path of a feed: `/feeds/<file>` for the site, `/feeds/sections/<slug>/<file>` for a section. */
export function feedPath(format: FeedFormat, sectionSlug?: string): string {
  const folder = sectionSlug === undefined ? '/feeds/' : `/feeds/sections/${sectionSlug}/`;
  return `${folder}${FEED_FORMATS[format].file}`;
}

/** Root-relative path of the sitemap index. */
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
/** Root-relative path of the news sitemap (last 48 hours). */
export const NEWS_SITEMAP_PATH = '/sitemaps/news.xml';
/** Root-relative path of the sitemap part of one month (`YYYY-MM`) of articles. */
export function monthSitemapPath(month: string): string {
  return `/sitemaps/articles-${month}.xml`;
}
