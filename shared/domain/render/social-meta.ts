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
  return [
    ['og:type', 'website'],
    ['og:site_name', page.siteName],
    ['og:title', page.title],
    ['og:description', page.description],
    ['og:url', page.url],
  ]
    .map(([property, content]) => `<meta property="${property}" content="${escapeHtml(content ?? '')}">`)
    .concat([
      '<meta name="twitter:card" content="summary">',
      `<meta name="twitter:title" content="${escapeHtml(page.title)}">`,
      `<meta name="twitter:description" content="${escapeHtml(page.description)}">`,
    ])
    .join('\n');
}

/** A JSON-LD `<script>` data block; `<` is escaped so the JSON can never close the element. */
export function jsonLdScript(data: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`;
}
