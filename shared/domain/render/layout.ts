import { SUBSCRIPTION_PATHS } from '../../../events/subscriber-names';
import { escapeHtml } from './escape-html';
import { languageAttributes } from './language';
import type { SiteConfig } from './site-config';
import { stylesheetHref } from './stylesheet';
import { listRef } from './listing';
import { siteSections } from './site-config';
import { encodePath, FEED_FORMATS, feedPath, listPath, type FeedFormat } from './urls';
import { renderCache } from './render-caches';

/** A feed a page links with `<link rel="alternate">`. */
export interface FeedLink {
  /** Plain text, e.g. `Newsroom: World`. */
  readonly title: string;
  /** The section's slug; absent for the whole-site feeds. */
  readonly sectionSlug?: string;
}

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
  /** Feeds besides the whole-site feeds (linked on every page), e.g. the page's section. */
  readonly feeds?: readonly FeedLink[];
  /** Root-relative URLs of deferred scripts; reading never depends on them. */
  readonly scripts?: readonly string[];
  /** The section page this is (its slug): its navigation link is marked `aria-current="page"`. */
  readonly currentSection?: string;
}

// The `<link rel="alternate">` lines of one feed, by site and feed: the same few feeds are linked from every page.
const feedLinkCache = renderCache<string, string>();

function feedLinks(feed: FeedLink, site: SiteConfig): string {
  const key = `${site.baseUrl}|${feed.title}|${feed.sectionSlug ?? ''}`;
  let links = feedLinkCache.get(key);
  if (links === undefined) {
    links = (Object.keys(FEED_FORMATS) as FeedFormat[])
      .map((format) => {
        const { contentType, title } = FEED_FORMATS[format];
        const type = contentType.split(';')[0] ?? contentType;
        return `<link rel="alternate" type="${type}" title="${escapeHtml(`${feed.title} (${title})`)}" href="${escapeHtml(`${site.baseUrl}${encodeURI(feedPath(format, feed.sectionSlug))}`)}">`;
      })
      .join('\n');
    if (feedLinkCache.size > 10_000) feedLinkCache.clear();
    feedLinkCache.set(key, links);
  }
  return links;
}

interface Shell {
  /** The stylesheet link and the site's feed links. */
  readonly siteLinks: string;
  /** From `</head>` to the brand, before the section navigation. */
  readonly bodyStart: string;
  /** The section navigation's links: slug, escaped href and escaped name. */
  readonly navLinks: ReadonlyArray<{ readonly slug: string; readonly href: string; readonly name: string }>;
  /** From the end of the navigation to `<main>`. */
  readonly headerEnd: string;
  readonly bodyEnd: string;
}

// Everything of the shell that depends only on the site, built once per site.
const shells = renderCache<string, Shell>();

function shellOf(site: SiteConfig): Shell {
  const key = `${site.baseUrl}\n${site.publication}\n${siteSections(site).join('\n')}`;
  let shell = shells.get(key);
  if (!shell) {
    const publication = escapeHtml(site.publication);
    shell = {
      siteLinks: `<link rel="stylesheet" href="${escapeHtml(stylesheetHref())}">\n${feedLinks({ title: site.publication }, site)}`,
      bodyStart: `</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header"><div class="wrap"><a class="brand" href="/">${publication}</a>
<nav class="site-nav" aria-label="Sections"><ul>`,
      navLinks: siteSections(site).map((name) => {
        const { slug } = listRef('section', name);
        return { slug, href: escapeHtml(encodePath(listPath('section', slug))), name: escapeHtml(name) };
      }),
      headerEnd: `</ul></nav></div></header>
<main id="main">
`,
      bodyEnd: `
</main>
<footer class="site-footer"><div class="wrap"><p>${publication}</p>
<ul class="footer-links"><li><a href="/">Latest</a></li><li><a href="${escapeHtml(feedPath('rss'))}">RSS</a></li><li><a href="${escapeHtml(feedPath('atom'))}">Atom</a></li><li><a href="${escapeHtml(feedPath('json'))}">JSON Feed</a></li><li><a href="${SUBSCRIPTION_PATHS.subscribePage}">Get alerts</a></li></ul></div></footer>
</body>
</html>
`,
    };
    if (shells.size > 100) shells.clear();
    shells.set(key, shell);
  }
  return shell;
}

function navOf(shell: Shell, current: string | undefined): string {
  let nav = '';
  for (const link of shell.navLinks) {
    nav += `<li><a href="${link.href}"${link.slug === current ? ' aria-current="page"' : ''}>${link.name}</a></li>`;
  }
  return nav;
}

/**
 * The HTML5 document around every page: doctype, `lang`/`dir`, charset,
 * viewport, title, description, canonical link, hashed stylesheet, a skip
 * link, the site header with the publication name and the section
 * navigation (a wrapping list, no script), `<main id="main">`, and
 * the site footer with feed links; `<link rel="alternate">` for the site's
 * feeds and the page's own. Emits no inline styles or scripts.
 */
export function renderDocument(page: PageShell, site: SiteConfig): string {
  const shell = shellOf(site);
  let head = `<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>`;
  if (page.description) head += `\n<meta name="description" content="${escapeHtml(page.description)}">`;
  if (page.canonicalUrl) head += `\n<link rel="canonical" href="${escapeHtml(page.canonicalUrl)}">`;
  head += `\n${shell.siteLinks}`;
  if (page.feeds) for (const feed of page.feeds) head += `\n${feedLinks(feed, site)}`;
  if (page.scripts) for (const src of page.scripts) head += `\n<script src="${escapeHtml(src)}" defer></script>`;
  if (page.extraHead) head += `\n${page.extraHead}`;
  return `<!doctype html>
<html${languageAttributes(page.language)}>
<head>
${head}
${shell.bodyStart}${navOf(shell, page.currentSection)}${shell.headerEnd}${page.main}${shell.bodyEnd}`;
}
