import { escapeHtml } from './escape-html';
import type { ListedArticle } from './listing';
import { LIST_CACHE_CONTROL, type RenderedFile, type SiteConfig } from './site-config';
import { EPOCH_INSTANT, isoInstantOrEpoch as rfc3339 } from './time';
import { articleUrl, encodePath, FEED_FORMATS, feedPath, listPath, type FeedFormat } from './urls';

/** Cache-Control of feeds and sitemaps: the list pages' short lifetime, as they are never invalidated either. */
export const FEED_CACHE_CONTROL = LIST_CACHE_CONTROL;

/** A feed to render: the whole site, or one section. */
export interface FeedSource {
  /** Section name and slug; absent for the whole site. */
  readonly section?: { readonly name: string; readonly slug: string };
  /** Newest first. */
  readonly items: readonly ListedArticle[];
}

function rfc822(iso: string): string {
  const time = Date.parse(iso);
  return new Date(Number.isNaN(time) ? 0 : time).toUTCString();
}

function latest(items: readonly ListedArticle[]): string {
  // biome-ignore lint/complexity/useMathMinMax: the instants are ISO 8601 strings, which Math.max cannot compare.
  return items.reduce((max, item) => (rfc3339(item.updatedAt) > max ? rfc3339(item.updatedAt) : max), EPOCH_INSTANT);
}

/** The item summary as HTML: the full dek, then the takeaways as a list. */
export function summaryHtml(item: ListedArticle): string {
  const dek = item.dek ? `<p>${escapeHtml(item.dek)}</p>` : '';
  const takeaways =
    item.takeaways.length === 0 ? '' : `<p>Key Takeaways</p><ul>${item.takeaways.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  return dek + takeaways;
}

/** The item summary as plain text: the dek, then one line per takeaway. */
export function summaryText(item: ListedArticle): string {
  return [item.dek, ...item.takeaways.map((line) => `• ${line}`)].filter(Boolean).join('\n');
}

function meta(source: FeedSource, site: SiteConfig) {
  const title = source.section ? `${site.publication}: ${source.section.name}` : site.publication;
  const home = `${site.baseUrl}${encodePath(source.section ? listPath('section', source.section.slug) : '/')}`;
  const self = (format: FeedFormat) => `${site.baseUrl}${encodePath(feedPath(format, source.section?.slug))}`;
  const description = source.section
    ? `The latest ${source.section.name} articles from ${site.publication}.`
    : `The latest articles from ${site.publication}.`;
  return { title, home, self, description };
}

function file(format: FeedFormat, source: FeedSource, body: string): RenderedFile {
  return {
    key: feedPath(format, source.section?.slug).slice(1),
    body,
    contentType: FEED_FORMATS[format].contentType,
    cacheControl: FEED_CACHE_CONTROL,
  };
}

/** RSS 2.0 (with `atom:link rel="self"`); dates in RFC 822; `description` holds the dek and takeaways as HTML. */
export function renderRssFeed(source: FeedSource, site: SiteConfig): RenderedFile {
  const m = meta(source, site);
  const items = source.items.map((item) => {
    const url = articleUrl(item.slug, site);
    return `<item>
<title>${escapeHtml(item.title)}</title>
<link>${escapeHtml(url)}</link>
<guid isPermaLink="true">${escapeHtml(url)}</guid>
<pubDate>${rfc822(item.publishedAt)}</pubDate>
${item.byline ? `<dc:creator>${escapeHtml(item.byline)}</dc:creator>\n` : ''}<category>${escapeHtml(item.section)}</category>
<description>${escapeHtml(summaryHtml(item))}</description>
</item>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
<title>${escapeHtml(m.title)}</title>
<link>${escapeHtml(m.home)}</link>
<description>${escapeHtml(m.description)}</description>
<language>en</language>
<lastBuildDate>${rfc822(latest(source.items))}</lastBuildDate>
<atom:link href="${escapeHtml(m.self('rss'))}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
  return file('rss', source, body);
}

/** Atom (RFC 4287); dates in RFC 3339; `summary` (type html) holds the dek and takeaways. */
export function renderAtomFeed(source: FeedSource, site: SiteConfig): RenderedFile {
  const m = meta(source, site);
  const entries = source.items.map((item) => {
    const url = articleUrl(item.slug, site);
    return `<entry>
<id>${escapeHtml(url)}</id>
<title>${escapeHtml(item.title)}</title>
<link rel="alternate" type="text/html" href="${escapeHtml(url)}"/>
<published>${rfc3339(item.publishedAt)}</published>
<updated>${rfc3339(item.updatedAt)}</updated>
${item.byline ? `<author><name>${escapeHtml(item.byline)}</name></author>\n` : ''}<category term="${escapeHtml(item.section)}"/>
<summary type="html">${escapeHtml(summaryHtml(item))}</summary>
</entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
<id>${escapeHtml(m.home)}</id>
<title>${escapeHtml(m.title)}</title>
<subtitle>${escapeHtml(m.description)}</subtitle>
<updated>${latest(source.items)}</updated>
<link rel="self" type="application/atom+xml" href="${escapeHtml(m.self('atom'))}"/>
<link rel="alternate" type="text/html" href="${escapeHtml(m.home)}"/>
<author><name>${escapeHtml(site.publication)}</name></author>
${entries.join('\n')}
</feed>
`;
  return file('atom', source, body);
}

/** JSON Feed 1.1; dates in RFC 3339; `summary` plain text and `content_html` with the dek and takeaways. */
export function renderJsonFeed(source: FeedSource, site: SiteConfig): RenderedFile {
  const m = meta(source, site);
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: m.title,
    home_page_url: m.home,
    feed_url: m.self('json'),
    description: m.description,
    language: 'en',
    authors: [{ name: site.publication }],
    items: source.items.map((item) => {
      const url = articleUrl(item.slug, site);
      return {
        id: url,
        url,
        title: item.title,
        summary: summaryText(item),
        content_html: summaryHtml(item),
        date_published: rfc3339(item.publishedAt),
        date_modified: rfc3339(item.updatedAt),
        language: item.language,
        ...(item.byline ? { authors: [{ name: item.byline }] } : {}),
        tags: [item.section, ...item.tags],
      };
    }),
  };
  return file('json', source, `${JSON.stringify(feed, null, 1)}\n`);
}

/** The RSS, Atom and JSON feeds of a source. */
export function renderFeeds(source: FeedSource, site: SiteConfig): RenderedFile[] {
  return [renderRssFeed(source, site), renderAtomFeed(source, site), renderJsonFeed(source, site)];
}
