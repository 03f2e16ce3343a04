import { escapeHtml } from './escape-html';
import { FEED_CACHE_CONTROL } from './feeds';
import { NEWS_WINDOW_MS, type ListedArticle } from './listing';
import type { RenderedFile, SiteConfig } from './site-config';
import { isoInstantOrEpoch as w3cDate } from './time';
import { articleUrl, monthSitemapPath, NEWS_SITEMAP_PATH, SITEMAP_INDEX_PATH } from './urls';

const XML_CONTENT_TYPE = 'application/xml; charset=utf-8';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
/** Most URLs a news sitemap may list. */
export const NEWS_SITEMAP_LIMIT = 1000;

function xmlFile(path: string, body: string): RenderedFile {
  return { key: path.slice(1), body, contentType: XML_CONTENT_TYPE, cacheControl: FEED_CACHE_CONTROL };
}

/** The sitemap index (`sitemap.xml`): the news sitemap and one part per month, oldest month first. */
export function renderSitemapIndex(months: readonly string[], site: SiteConfig): RenderedFile {
  const locs = [NEWS_SITEMAP_PATH, ...[...months].sort().map(monthSitemapPath)];
  const body = `<?xml version="1.0" encoding="utf-8"?>
<sitemapindex xmlns="${SITEMAP_NS}">
${locs.map((path) => `<sitemap><loc>${escapeHtml(`${site.baseUrl}${path}`)}</loc></sitemap>`).join('\n')}
</sitemapindex>
`;
  return xmlFile(SITEMAP_INDEX_PATH, body);
}

/** The sitemap part of one month's articles (`sitemaps/articles-YYYY-MM.xml`), each with its `lastmod`. */
export function renderMonthSitemap(month: string, items: readonly ListedArticle[], site: SiteConfig): RenderedFile {
  const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="${SITEMAP_NS}">
${items.map((item) => `<url><loc>${escapeHtml(articleUrl(item.slug, site))}</loc><lastmod>${w3cDate(item.updatedAt)}</lastmod></url>`).join('\n')}
</urlset>
`;
  return xmlFile(monthSitemapPath(month), body);
}

function newsLanguage(language: string): string {
  const [primary = 'en', region = ''] = language.toLowerCase().split(/[-_]/);
  if (primary === 'zh') return region === 'tw' || region === 'hk' || region === 'hant' ? 'zh-tw' : 'zh-cn';
  return primary;
}

/** The news sitemap (`sitemaps/news.xml`): articles first published within 48 hours of `now`, at most 1,000. */
export function renderNewsSitemap(items: readonly ListedArticle[], now: Date, site: SiteConfig, publication = site.publication): RenderedFile {
  const recent = items.filter((item) => now.getTime() - Date.parse(item.publishedAt) <= NEWS_WINDOW_MS).slice(0, NEWS_SITEMAP_LIMIT);
  const urls = recent.map(
    (item) =>
      `<url><loc>${escapeHtml(articleUrl(item.slug, site))}</loc><news:news><news:publication><news:name>${escapeHtml(publication)}</news:name><news:language>${escapeHtml(newsLanguage(item.language))}</news:language></news:publication><news:publication_date>${w3cDate(item.publishedAt)}</news:publication_date><news:title>${escapeHtml(item.title)}</news:title></news:news></url>`,
  );
  const body = `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">
${urls.join('\n')}
</urlset>
`;
  return xmlFile(NEWS_SITEMAP_PATH, body);
}

/** `robots.txt`: everything allowed, naming the sitemap index. */
export function renderRobots(site: SiteConfig): RenderedFile {
  return {
    key: 'robots.txt',
    body: `User-agent: *\nAllow: /\n\nSitemap: ${site.baseUrl}${SITEMAP_INDEX_PATH}\n`,
    contentType: 'text/plain; charset=utf-8',
    cacheControl: FEED_CACHE_CONTROL,
  };
}
