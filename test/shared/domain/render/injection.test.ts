import { describe, expect, it } from 'vitest';
import type { Article, ArticleSummary } from '../../../../shared/domain/article';
import { renderArticlePage, renderNotFoundPage } from '../../../../shared/domain/render';
import { renderHomeFront } from './home-front';
import { SEED_ARTICLE, SITE } from './seed-article';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const PAYLOAD = `${SCRIPT}${BREAKOUT}'><a href='javascript:alert(1)'>`;

/** The attribute names and values of every tag in `html` (values are double-quoted in our output). */
function attributes(html: string): Array<[string, string]> {
  const tags = html.match(/<[a-z][^>]*>/gi) ?? [];
  return tags.flatMap((tag) => [...tag.matchAll(/\s([^\s=>"']+)(?:="([^"]*)")?/g)].map((m): [string, string] => [m[1] ?? '', m[2] ?? '']));
}

/** Fails when the HTML holds anything an injected payload could execute: a script element, an event handler attribute, a javascript: URL. */
function expectInert(page: string): void {
  // The page's own share script and JSON-LD block are the only scripts; a payload inside the JSON must not close it.
  const html = page
    .replace(/<script src="\/assets\/share\.[0-9a-f]{8}\.js" defer><\/script>/, '')
    .replace(/<script type="application\/ld\+json">[^<]*<\/script>/, '');
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<img src=x/i);
  const attrs = attributes(html);
  expect(attrs.length).toBeGreaterThan(10);
  expect(attrs.filter(([name]) => /^on/i.test(name))).toEqual([]);
  expect(attrs.filter(([name, value]) => /^(href|src)$/i.test(name) && /^\s*javascript:/i.test(value))).toEqual([]);
  expect(attrs.every(([name]) => /^[a-z][a-z:-]*$/.test(name))).toBe(true);
}

const hostile: Article = {
  ...SEED_ARTICLE,
  slug: PAYLOAD,
  title: PAYLOAD,
  dek: PAYLOAD,
  section: PAYLOAD,
  tags: [PAYLOAD, PAYLOAD],
  byline: PAYLOAD,
  publication: PAYLOAD,
  language: PAYLOAD,
  image: { src: PAYLOAD, alt: PAYLOAD, caption: PAYLOAD, credit: PAYLOAD },
  takeaways: [PAYLOAD, PAYLOAD],
  analysis: { label: PAYLOAD, title: PAYLOAD, body: PAYLOAD },
  correction: PAYLOAD,
  body: PAYLOAD,
  related: [{ slug: PAYLOAD, title: PAYLOAD, section: PAYLOAD }],
  publishedAt: PAYLOAD,
  updatedAt: `${PAYLOAD}!`,
};

describe('escaping of every field', () => {
  it('leaves an article page inert when every field carries markup', () => {
    expectInert(renderArticlePage(hostile, { baseUrl: SITE.baseUrl, publication: PAYLOAD }).body);
  });

  it('shows an injected headline as text', () => {
    expect(renderArticlePage(hostile, SITE).body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img');
  });

  it('leaves an article page inert when the image has no src and its description carries markup', () => {
    const page = renderArticlePage({ ...hostile, image: { alt: PAYLOAD, caption: PAYLOAD } }, SITE).body;
    expectInert(page);
  });

  it('leaves an article page inert when the analysis has no title and its label carries markup', () => {
    expectInert(renderArticlePage({ ...hostile, analysis: { label: PAYLOAD, body: PAYLOAD } }, SITE).body);
  });

  it('leaves the home page inert when every summary field carries markup', () => {
    const item: ArticleSummary = {
      id: PAYLOAD,
      slug: PAYLOAD,
      title: PAYLOAD,
      dek: PAYLOAD,
      section: PAYLOAD,
      tags: [PAYLOAD],
      byline: PAYLOAD,
      publishedAt: PAYLOAD,
      updatedAt: PAYLOAD,
      language: PAYLOAD,
    };
    expectInert(renderHomeFront([item], { baseUrl: SITE.baseUrl, publication: PAYLOAD }).body);
  });

  it('leaves the not-found page inert when the publication carries markup', () => {
    expectInert(renderNotFoundPage({ baseUrl: SITE.baseUrl, publication: PAYLOAD }).body);
  });
});
