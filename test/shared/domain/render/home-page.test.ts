import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../../shared/domain/article';
import { renderHomePage, stylesheet } from '../../../../shared/domain/render';
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
const page = renderHomePage(items, SITE);

describe('renderHomePage', () => {
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

  it('lists the articles in the order given with headline links', () => {
    const list = element(page.body, /<ol class="article-list">/);
    expect(texts(list, 'h2')).toEqual(['Newest story', 'Older story']);
    expect(attributeValues(list, 'href')).toEqual(['/articles/newest/', '/articles/older/']);
  });

  it('shows each article’s section, dek and publication time', () => {
    const list = element(page.body, /<ol class="article-list">/);
    expect(texts(list, 'p').filter((text) => text === 'World' || text === 'Tech')).toEqual(['World', 'Tech']);
    expect(list).toContain('<p class="dek">Newest story dek</p>');
    expect(list).toContain('<time datetime="2025-03-05T14:30:00.000Z">');
  });

  it('has an h1 followed by one h2 per article', () => {
    expect(headingLevels(page.body)).toEqual([1, 2, 2]);
  });

  it('marks each article with its language', () => {
    const mixed = renderHomePage([summary('x', 'X', { language: 'ar' })], SITE).body;
    expect(mixed).toContain('<article lang="ar" dir="rtl">');
  });

  it('percent-encodes Chinese slugs in links', () => {
    const chinese = renderHomePage([summary('新闻', '新闻', { language: 'zh' })], SITE).body;
    expect(chinese).toContain('href="/articles/%E6%96%B0%E9%97%BB/"');
  });

  it('says no articles are published when the list is empty', () => {
    const empty = renderHomePage([], SITE).body;
    expect(empty).toContain('No articles published yet');
    expect(empty).not.toContain('<ol');
  });
});
