import { articlePath } from '../article';
import type { SiteConfig } from './site-config';

/**
 * Percent-encodes a site path for an `href` the way `encodeURI` does (so
 * Unicode slugs become UTF-8 `%XX` sequences) and also encodes `?` and `#`,
 * which would otherwise cut the path short.
 */
export function encodePath(path: string): string {
  return encodeURI(path).replace(/[?#]/g, (char) => encodeURIComponent(char));
}

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
