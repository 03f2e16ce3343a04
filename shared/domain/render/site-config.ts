import type { EdgeStatus } from '../../edge/edge-metadata';
/** What every rendered page needs to know about the site. */
export interface SiteConfig {
  /** Public origin of the site, e.g. `http://localhost:3000`; no trailing slash. */
  readonly baseUrl: string;
  /** Brand shown in the site header and used when an article names no publication. */
  readonly publication: string;
  /** Sections named in the header navigation and, in this order, given a block on the front page. @default DEFAULT_SECTIONS */
  readonly sections?: readonly string[];
}

/** The sections of a site that configures none. */
export const DEFAULT_SECTIONS: readonly string[] = ['World', 'Politics', 'Business', 'Tech', 'Sport', 'Entertainment'];

/** The site's navigation sections: its own, or {@link DEFAULT_SECTIONS}. */
export function siteSections(site: SiteConfig): readonly string[] {
  return site.sections && site.sections.length > 0 ? site.sections : DEFAULT_SECTIONS;
}

/** A file to put in the site bucket. */
export interface RenderedFile {
  /** Site bucket key, no leading slash, e.g. `articles/some-slug/index.html`. */
  readonly key: string;
  readonly body: string;
  /** `Content-Type` to store the object with. */
  readonly contentType: string;
  /** `Cache-Control` to store the object with. */
  readonly cacheControl: string;
  /** The status the edge answers with instead of 200 (a moved or withdrawn article). */
  readonly edge?: EdgeStatus;
}

/** Content-Type of every HTML page. */
export const HTML_CONTENT_TYPE = 'text/html; charset=utf-8';
/**
 * Cache-Control of article pages (and the 404 page): a minute in browsers, an
 * hour at the CDN. An update, correction, rename or withdrawal is invalidated
 * (`invalidationPaths`); a related-links refresh waits for the hour.
 */
export const HTML_CACHE_CONTROL = 'public, max-age=60, s-maxage=3600, stale-while-revalidate=86400';
/**
 * Cache-Control of list pages, feeds and sitemaps: never invalidated, so
 * fresh by lifetime alone: 30 s, then at most one stale answer within the
 * next 30 s while the CDN revalidates, so a reader is never a minute behind.
 */
export const LIST_CACHE_CONTROL = 'public, max-age=30, s-maxage=30, stale-while-revalidate=30';
/** Content-Type of the stylesheet. */
export const CSS_CONTENT_TYPE = 'text/css; charset=utf-8';
/** Cache-Control of content-hashed assets: cached for a year, never revalidated. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A page as a {@link RenderedFile} with the HTML content type and a cache policy (an article's by default). */
export function htmlFile(key: string, body: string, edge?: EdgeStatus, cacheControl: string = HTML_CACHE_CONTROL): RenderedFile {
  return { key, body, contentType: HTML_CONTENT_TYPE, cacheControl, ...(edge ? { edge } : {}) };
}

/** A binary file for the site bucket, e.g. an image copied under a content-hashed name. */
export interface SiteAsset extends Omit<RenderedFile, 'body' | 'edge'> {
  readonly body: Uint8Array;
}
