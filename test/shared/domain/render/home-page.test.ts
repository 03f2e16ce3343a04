import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { stylesheet } from '../../../../shared/domain/render';
import { renderHomeFront } from './home-front';
import { attributeValues, element, headingLevels, texts } from './html-parts';
import { SITE } from './seed-article';

function summary(slug: string, title: string, overrides: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    id: slug,
    slug,
    title,
    dek: `${title} dek`,
    section: 'World',
    tags: [],
    byline: 'Desk',
    publishedAt: '2025-03-05T14:30:00.000Z',
    updatedAt: '2025-03-05T14:30:00.000Z',
    language: 'en',
    ...overrides,
  };
}

const items = [summary('newest', 'Newest story'), summary('older', 'Older story', { section: 'Tech' })];
const page = renderHomeFront(items, SITE);

describe('the home front page', () => {
  it('is the index.html page with the list cache policy: fresh within a minute without invalidation', () => {
    expect(page.key).toBe('index.html');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.cacheControl).toBe('public, max-age=30, s-maxage=30, stale-while-revalidate=30');
  });

  it('shows the publication name in the site header and the title', () => {
    expect(element(page.body, /<header class="site-header">/)).toContain('Newsroom Daily');
    expect(texts(page.body, 'title')).toEqual(['Newsroom Daily']);
  });

  it('is a document with a canonical link, the stylesheet and a skip link', () => {
    expect(page.body).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(page.body).toContain('<link rel="canonical" href="http://localhost:3000/">');
    expect(page.body).toContain(`href="/${stylesheet().key}"`);
    expect(page.body).toContain('href="#main"');
  });

  it('leads with the first article, then the next four with deks, then the rest in a Latest list', () => {
    const many = Array.from({ length: 8 }, (_, n) => summary(`s${n}`, `Story ${n}`));
    const body = renderHomeFront(many, SITE).body;
    expect(texts(element(body, /<article class="lead"/), 'h2')).toEqual(['Story 0']);
    const top = element(body, /<ol class="top-stories">/);
    expect(texts(top, 'h2')).toEqual(['Story 1', 'Story 2', 'Story 3', 'Story 4']);
    expect(top).toContain('<p class="dek">Story 1 dek</p>');
    const latest = element(body, /<section class="latest"/);
    expect(attributeValues(latest, 'href')).toEqual(['/articles/s5/', '/articles/s6/', '/articles/s7/']);
    expect(latest).not.toContain('class="dek"');
  });

  it('shows the lead’s section, dek, byline and publication time', () => {
    const leadStory = element(page.body, /<article class="lead"/);
    expect(texts(leadStory, 'p')[0]).toBe('World');
    expect(leadStory).toContain('<p class="dek">Newest story dek</p>');
    expect(leadStory).toContain('Desk · <time datetime="2025-03-05T14:30:00.000Z">');
  });

  it('shows the lead’s image eagerly with its size and each later image lazily', () => {
    const image = { src: '/assets/images/a.0123abcd.jpg', alt: 'Harbour at dusk', width: 1200, height: 675 };
    const body = renderHomeFront([summary('a', 'A', { image }), summary('b', 'B', { image: { ...image, alt: 'Second' } })], SITE).body;
    const leadStory = element(body, /<article class="lead"/);
    expect(leadStory).toContain(
      '<img class="lead-image" src="/assets/images/a.0123abcd.jpg" alt="Harbour at dusk" width="1200" height="675" decoding="async">',
    );
    expect(element(body, /<ol class="top-stories">/)).toContain('alt="Second" width="1200" height="675" loading="lazy"');
  });

  it('marks breaking stories', () => {
    const body = renderHomeFront([summary('a', 'A', { breaking: true }), summary('b', 'B')], SITE).body;
    expect(element(body, /<article class="lead"/)).toContain('<span class="badge">Breaking</span>');
    expect(element(body, /<ol class="top-stories">/)).not.toContain('Breaking');
  });

  it('gives each section with stories not already shown a block linking to its section page', () => {
    const blocks = [
      { name: 'World', items: [items[0]!] },
      { name: 'Tech', items: [summary('t1', 'Tech one', { section: 'Tech' }), summary('t2', 'Tech two', { section: 'Tech' })] },
    ];
    const body = renderHomeFront(items, SITE, 0, blocks).body;
    expect(body).not.toContain('block-world');
    const tech = element(body, /<section class="block" aria-labelledby="block-tech">/);
    expect(attributeValues(tech, 'href')).toEqual(['/sections/tech/', '/articles/t1/', '/articles/t2/']);
  });

  it('has a visually hidden h1 and an h2 per story in the lead and top stories', () => {
    expect(headingLevels(page.body)).toEqual([1, 2, 2]);
    expect(page.body).toContain('<h1 class="visually-hidden">Latest articles</h1>');
  });

  it('names every navigation section in the header, on every page', () => {
    const nav = element(page.body, /<nav class="site-nav"/);
    expect(texts(nav, 'a')).toEqual(['World', 'Politics', 'Business', 'Tech', 'Sport', 'Entertainment']);
    const custom = renderHomeFront(items, { ...SITE, sections: ['Local', 'Arts'] }).body;
    expect(attributeValues(element(custom, /<nav class="site-nav"/), 'href')).toEqual(['/sections/local/', '/sections/arts/']);
  });

  it('marks each article with its language', () => {
    const mixed = renderHomeFront([summary('x', 'X', { language: 'ar' })], SITE).body;
    expect(mixed).toContain('<article class="lead" lang="ar" dir="rtl">');
  });

  it('percent-encodes Chinese slugs in links', () => {
    const chinese = renderHomeFront([summary('新闻', '新闻', { language: 'zh' })], SITE).body;
    expect(chinese).toContain('href="/articles/%E6%96%B0%E9%97%BB/"');
  });

  it('weighs at most 30 KB of HTML and CSS, 10 KB gzipped, when full (39 stories, six section blocks)', () => {
    const image = { src: '/assets/images/a.0123abcd.jpg', alt: 'A harbour at dusk with three wind turbines', width: 1200, height: 675 };
    const story = (n: number, section = 'World') =>
      summary(`a-fairly-typical-story-slug-of-some-length-${n}`, `A fairly typical headline of some length, number ${n}`, {
        dek: 'A standfirst of a typical length that tells the reader in one or two sentences what the story is about and why it matters.',
        section,
        image,
      });
    const full = Array.from({ length: 39 }, (_, n) => story(n));
    const blocks = ['World', 'Politics', 'Business', 'Tech', 'Sport', 'Entertainment'].map((name) => ({
      name,
      items: Array.from({ length: 9 }, (_, n) => story(100 + n, name)),
    }));
    const html = renderHomeFront(full, SITE, 3, blocks).body;
    const css = stylesheet().body;
    expect(Buffer.byteLength(html) + Buffer.byteLength(css)).toBeLessThanOrEqual(30 * 1024);
    expect(gzipSync(html).length + gzipSync(css).length).toBeLessThanOrEqual(10 * 1024);
  });

  it('says no articles are published when the list is empty', () => {
    const empty = renderHomeFront([], SITE).body;
    expect(empty).toContain('No articles published yet');
    expect(empty).not.toContain('<ol');
  });
});
