import { escapeHtml } from './escape-html';

/** What Open Graph and Twitter card tags say about a page that is not an article. */
export interface SocialPage {
  readonly siteName: string;
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL. */
  readonly url: string;
}

/** Open Graph (`og:type` website) and Twitter `summary` card tags for a listing or home page. */
export function websiteSocialMeta(page: SocialPage): string {
  const title = escapeHtml(page.title);
  const description = escapeHtml(page.description);
  return `<meta property="og:type" content="website">
<meta property="og:site_name" content="${escapeHtml(page.siteName)}">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${escapeHtml(page.url)}">
<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${title}">
<meta name="twitter:description" content="${description}">`;
}

// Characters JSON.stringify escapes (quote, backslash, controls, surrogates) plus `<`, which must not close the script.
const JSON_SPECIAL = /["\\<\u0000-\u001f\ud800-\udfff]/;

/**
 * A JSON string literal of `text` for a JSON-LD `<script>` data block: what
 * `JSON.stringify` writes, with `<` escaped so the JSON can never close the element.
 */
export function jsonString(text: string): string {
  return JSON_SPECIAL.test(text) ? JSON.stringify(text).replace(/</g, '\\u003c') : `"${text}"`;
}
