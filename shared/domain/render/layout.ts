import { escapeHtml } from './escape-html';
import { languageAttributes } from './language';
import type { SiteConfig } from './site-config';
import { stylesheetHref } from './stylesheet';

/** What the shared page shell needs from a page. */
export interface PageShell {
  /** BCP 47 tag of the page; also sets `dir="rtl"` for right-to-left languages. */
  readonly language: string;
  /** Plain text for `<title>`. */
  readonly title: string;
  /** Plain text for the meta description; omitted when absent. */
  readonly description?: string;
  /** Absolute, encoded canonical URL; omitted when absent. */
  readonly canonicalUrl?: string;
  /** Extra `<head>` markup, already escaped. */
  readonly extraHead?: string;
  /** The `<main>` content, already escaped. */
  readonly main: string;
}

/**
 * The HTML5 document around every page: doctype, `lang`/`dir`, charset,
 * viewport, title, description, canonical link, hashed stylesheet, a skip
 * link, the site header with the publication name, `<main id="main">`, and
 * the site footer. Emits no inline styles or scripts.
 */
export function renderDocument(page: PageShell, site: SiteConfig): string {
  const publication = escapeHtml(site.publication);
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
    page.description ? `<meta name="description" content="${escapeHtml(page.description)}">` : '',
    page.canonicalUrl ? `<link rel="canonical" href="${escapeHtml(page.canonicalUrl)}">` : '',
    `<link rel="stylesheet" href="${escapeHtml(stylesheetHref())}">`,
    page.extraHead ?? '',
  ].filter(Boolean);
  return `<!doctype html>
<html${languageAttributes(page.language)}>
<head>
${head.join('\n')}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap"><a class="brand" href="/">${publication}</a></div></header>
<main id="main">
${page.main}
</main>
<footer class="site-footer"><div class="wrap"><p>${publication}</p></div></footer>
</body>
</html>
`;
}
