import { createHash } from 'node:crypto';
import { CSS_CONTENT_TYPE, IMMUTABLE_CACHE_CONTROL, type RenderedFile } from './site-config';
import { SITE_CSS } from './site-css';

/** The first 8 hex digits of the SHA-256 of a text: a short content fingerprint for asset names. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** A stylesheet as an immutable, content-addressed file: key `assets/site.<8-hex hash>.css`. */
export function stylesheetFile(css: string): RenderedFile {
  return {
    key: `assets/site.${contentHash(css)}.css`,
    body: css,
    contentType: CSS_CONTENT_TYPE,
    cacheControl: IMMUTABLE_CACHE_CONTROL,
  };
}

const SITE_STYLESHEET = stylesheetFile(SITE_CSS);

/**
 * The site's stylesheet file. Its key changes whenever the CSS changes, so
 * pages linking it (via {@link stylesheetHref}) never see a stale copy; write
 * it to the site bucket together with the pages.
 */
export function stylesheet(): RenderedFile {
  return SITE_STYLESHEET;
}

/** Root-relative URL of the site's stylesheet, as pages link it. */
export function stylesheetHref(): string {
  return `/${SITE_STYLESHEET.key}`;
}
