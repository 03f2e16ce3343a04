import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import type { RenderedFile } from '../../shared/domain/render';
import { QUALITY_NOW, renderQualitySite } from './site-fixture';

// fast-xml-parser 5 (installed with the AWS SDK).
const ARRAYS = new Set(['item', 'entry', 'url', 'sitemap', 'link', 'atom:link']);
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name: string) => ARRAYS.has(name) });
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const absolute = (url: unknown) => typeof url === 'string' && /^https:\/\/news\.example\.com\//.test(url);

let files: RenderedFile[] = [];
const file = (key: string) => {
  const found = files.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
};
const xml = (key: string) => {
  const { body } = file(key);
  expect(XMLValidator.validate(body)).toBe(true);
  return parser.parse(body);
};

beforeAll(async () => {
  files = await renderQualitySite();
});

describe.each(['feeds/rss.xml', 'feeds/sections/world/rss.xml'])('RSS 2.0 %s', (key) => {
  it('has a channel with title, link and description, and items with title, absolute link, permalink guid, RFC 822 pubDate and the takeaways', () => {
    const { rss } = xml(key);
    expect(rss['@version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toEqual(expect.any(String));
    expect(absolute(channel.link[0])).toBe(true);
    expect(channel.description).toEqual(expect.any(String));
    expect(channel.lastBuildDate).toMatch(RFC_822);
    expect(channel['atom:link'][0]['@rel']).toBe('self');
    expect(channel.item.length).toBeGreaterThan(0);
    for (const item of channel.item) {
      expect(item.title).toEqual(expect.any(String));
      expect(absolute(item.link[0])).toBe(true);
      expect(item.guid['@isPermaLink']).toBe('true');
      expect(item.pubDate).toMatch(RFC_822);
      expect(item.description).toContain('Key Takeaways');
    }
  });
});

describe.each(['feeds/atom.xml', 'feeds/sections/tech/atom.xml'])('Atom (RFC 4287) %s', (key) => {
  it('has id, title, updated, self link and author, and entries with id, title, RFC 3339 updated, alternate link and an html summary', () => {
    const { feed } = xml(key);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(absolute(feed.id)).toBe(true);
    expect(feed.title).toEqual(expect.any(String));
    expect(feed.updated).toMatch(RFC_3339);
    expect(feed.link.some((link: Record<string, string>) => link['@rel'] === 'self' && absolute(link['@href']))).toBe(true);
    expect(feed.author.name).toEqual(expect.any(String));
    for (const entry of feed.entry) {
      expect(absolute(entry.id)).toBe(true);
      expect(entry.title).toEqual(expect.any(String));
      expect(entry.updated).toMatch(RFC_3339);
      expect(entry.published).toMatch(RFC_3339);
      expect(absolute(entry.link[0]['@href'])).toBe(true);
      expect(entry.summary['@type']).toBe('html');
      expect(entry.summary['#text']).toContain('Key Takeaways');
    }
  });
});

const jsonFeed = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.string().refine(absolute),
  feed_url: z.string().refine(absolute),
  items: z
    .array(
      z.object({
        id: z.string().min(1),
        url: z.string().refine(absolute),
        title: z.string(),
        summary: z.string(),
        content_html: z.string().includes('Key Takeaways'),
        date_published: z.string().regex(RFC_3339),
        date_modified: z.string().regex(RFC_3339),
        authors: z.array(z.object({ name: z.string() })).optional(),
        tags: z.array(z.string()),
      }),
    )
    .min(1),
});

describe.each(['feeds/feed.json', 'feeds/sections/business/feed.json'])('JSON Feed 1.1 %s', (key) => {
  it('has the required top-level keys and items with id, absolute url, content and RFC 3339 dates', () => {
    expect(jsonFeed.safeParse(JSON.parse(file(key).body)).success).toBe(true);
  });
});

describe('sitemaps', () => {
  it('has an index in the sitemaps.org namespace naming the news sitemap and every month part with absolute URLs', () => {
    const { sitemapindex } = xml('sitemap.xml');
    expect(sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = sitemapindex.sitemap.map((entry: { loc: string }) => entry.loc);
    expect(locs).toEqual([
      'https://news.example.com/sitemaps/news.xml',
      'https://news.example.com/sitemaps/articles-2025-02.xml',
      'https://news.example.com/sitemaps/articles-2025-03.xml',
    ]);
    for (const loc of locs) expect(files.some((candidate) => `https://news.example.com/${candidate.key}` === loc)).toBe(true);
  });

  it('lists every article once across the month parts, each with an absolute loc and a W3C datetime lastmod', () => {
    const urls = ['sitemaps/articles-2025-02.xml', 'sitemaps/articles-2025-03.xml'].flatMap((key) => xml(key).urlset.url);
    expect(urls).toHaveLength(45);
    for (const url of urls) {
      expect(absolute(url.loc)).toBe(true);
      expect(url.lastmod).toMatch(RFC_3339);
    }
  });

  it('lists only articles of the last 48 hours in the news sitemap, with publication name, language, date and title', () => {
    const { urlset } = xml('sitemaps/news.xml');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(urlset.url.length).toBeGreaterThan(0);
    for (const url of urlset.url) {
      const news = url['news:news'];
      expect(news['news:publication']['news:name']).toBe('Newsroom Daily');
      expect(news['news:publication']['news:language']).toMatch(/^[a-z]{2,3}(-[a-z]{2})?$/);
      expect(news['news:publication_date']).toMatch(RFC_3339);
      expect(QUALITY_NOW.getTime() - Date.parse(news['news:publication_date'])).toBeLessThanOrEqual(48 * 3600 * 1000);
      expect(news['news:title']).toEqual(expect.any(String));
    }
  });

  it('names the sitemap index in robots.txt', () => {
    expect(file('robots.txt').body).toContain('Sitemap: https://news.example.com/sitemap.xml');
  });
});
