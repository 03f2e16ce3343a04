import { describe, expect, it } from 'vitest';
import type { Article } from '../../../../shared/domain/article';
import { escapeHtml, HTML_CACHE_CONTROL, HTML_CONTENT_TYPE, renderArticlePage, stylesheet } from '../../../../shared/domain/render';
import { attributeValues, element, headingLevels, texts } from './html-parts';
import { SEED_ARTICLE, SEED_PARAGRAPHS, SITE } from './seed-article';

const page = renderArticlePage(SEED_ARTICLE, SITE);
const html = page.body;
const encodedUrl = encodeURIComponent(
  'http://localhost:3000/articles/a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence/',
);

function render(overrides: Partial<Article>): string {
  return renderArticlePage({ ...SEED_ARTICLE, ...overrides }, SITE).body;
}

describe('renderArticlePage: the file', () => {
  it('is keyed by the article path under articles/', () => {
    expect(page.key).toBe('articles/a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence/index.html');
  });

  it('is stored as UTF-8 HTML with the article cache policy: an hour at the CDN, invalidated when it changes', () => {
    expect(page.contentType).toBe(HTML_CONTENT_TYPE);
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.cacheControl).toBe(HTML_CACHE_CONTROL);
    expect(page.cacheControl).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=86400');
  });

  it('keeps the seed article page under 30 KB', () => {
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(30 * 1024);
  });
});

describe('renderArticlePage: the document', () => {
  it('is an HTML5 document in the article language with charset and viewport', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  it('titles the page with the headline and publication', () => {
    expect(texts(html, 'title')).toEqual([`${SEED_ARTICLE.title} | China Daily Brief`]);
  });

  it('describes the page with the dek', () => {
    expect(html).toContain(`<meta name="description" content="${SEED_ARTICLE.dek}">`);
  });

  it('links the canonical absolute URL', () => {
    expect(html).toContain(
      '<link rel="canonical" href="http://localhost:3000/articles/a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence/">',
    );
  });

  it('links the content-hashed stylesheet', () => {
    expect(html).toContain(`<link rel="stylesheet" href="/${stylesheet().key}">`);
  });

  it('has a skip link to the main landmark', () => {
    expect(html).toMatch(/<a class="skip-link" href="#main">Skip to content<\/a>[\s\S]*<main id="main">/);
  });

  it('has header, main, article and footer landmarks in order', () => {
    expect(html).toMatch(
      /<header class="site-header">[\s\S]*<main id="main">[\s\S]*<article\b[\s\S]*<\/article>[\s\S]*<\/main>[\s\S]*<footer class="site-footer">/,
    );
  });

  it('has one h1 followed only by h2 and deeper headings', () => {
    const levels = headingLevels(html);
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    expect(levels.slice(1).every((level) => level >= 2)).toBe(true);
  });

  it('has no inline styles or scripts: only the external share script and the JSON-LD data block', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((match) => match[0]);
    expect(scripts).toEqual([
      expect.stringMatching(/^<script src="\/assets\/share\.[0-9a-f]{8}\.js" defer>$/),
      '<script type="application/ld+json">',
    ]);
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  });

  it('gives every id once', () => {
    const ids = attributeValues(html, 'id');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('renderArticlePage: the parts of the reference page', () => {
  it('shows the headline as the h1', () => {
    expect(texts(html, 'h1')).toEqual([SEED_ARTICLE.title]);
  });

  it('shows the dek under the headline', () => {
    expect(html).toMatch(/<\/h1>\s*<p class="dek">China and the United States have agreed/);
  });

  it('shows the section as a kicker', () => {
    expect(html).toContain('<p class="kicker"><a href="/sections/world/">World</a></p>');
  });

  it('shows the image description as a figure when the image has no src', () => {
    const figure = element(html, /<figure\b[^>]*>/);
    expect(figure).not.toContain('<img');
    expect(texts(figure, 'p')).toEqual([SEED_ARTICLE.image?.alt]);
  });

  it('shows an image with its alt, caption and credit when the image has a src', () => {
    const withImage = render({
      image: { src: 'https://cdn.example.com/flag.jpg', alt: 'A flag', caption: 'The flag.', credit: 'Photo Desk' },
    });
    const figure = element(withImage, /<figure\b[^>]*>/);
    expect(figure).toContain('<img src="https://cdn.example.com/flag.jpg" alt="A flag"');
    expect(texts(figure, 'figcaption')).toEqual(['The flag. Photo Desk']);
  });

  it('shows the image description instead of an image whose src is not http(s) or relative', () => {
    const withBadImage = render({ image: { src: 'javascript:alert(1)', alt: 'A flag' } });
    expect(withBadImage).not.toContain('<img');
    expect(withBadImage).not.toContain('javascript:');
    expect(element(withBadImage, /<figure\b[^>]*>/)).toContain('A flag');
  });

  it('lists the four takeaways, numbered, under a Key Takeaways heading', () => {
    const takeaways = element(html, /<section class="takeaways"[^>]*>/);
    expect(texts(takeaways, 'h2')).toEqual(['Key Takeaways']);
    const list = element(takeaways, /<ol>/);
    expect(texts(list, 'li')).toEqual(SEED_ARTICLE.takeaways.map(escapeHtml));
    expect(texts(list, 'li')).toHaveLength(4);
  });

  it('shows the analysis box with its label, title and Markdown body', () => {
    const aside = element(html, /<aside class="analysis"[^>]*>/);
    expect(aside).toContain('<p class="label">Editor&#39;s Desk</p>');
    expect(texts(aside, 'h2')).toEqual(['Strategic Analysis']);
    expect(element(aside, /<div class="analysis-body">/)).toMatch(
      /<p>This agreement marks a transition from 'pure competition'[\s\S]*imperatives in the East\.<\/p>/,
    );
  });

  it('uses the analysis label as its heading when the analysis has no title', () => {
    const aside = element(render({ analysis: { label: 'Analysis', body: 'Text.' } }), /<aside\b[^>]*>/);
    expect(texts(aside, 'h2')).toEqual(['Analysis']);
  });

  it('shows all four body paragraphs in order', () => {
    const body = element(html, /<div class="article-body">/);
    expect(texts(body, 'p')).toEqual([...SEED_PARAGRAPHS]);
  });

  it('shows the byline and the publication', () => {
    const byline = element(html, /<div class="byline-block">/);
    expect(byline).toContain('<p class="byline"><a href="/authors/china-daily-brief-editorial/">China Daily Brief Editorial</a></p>');
    expect(byline).toContain('<p class="publication">China Daily Brief</p>');
  });

  it('falls back to the site publication when the article names none', () => {
    const byline = element(render({ publication: undefined }), /<div class="byline-block">/);
    expect(byline).toContain('<p class="publication">Newsroom Daily</p>');
  });

  it('shows the publication time in a time element', () => {
    expect(html).toContain('<time datetime="2025-03-05T14:30:00.000Z">March 5, 2025');
    expect(html).not.toContain('Updated');
  });

  it('shows the update time when the article was updated', () => {
    const updated = render({ updatedAt: '2025-03-06T09:00:00.000Z' });
    expect(updated).toMatch(/Updated <time datetime="2025-03-06T09:00:00.000Z">March 6, 2025/);
  });

  it('shows a correction note when the article has a correction', () => {
    const corrected = render({ correction: 'An earlier version misstated the date.' });
    expect(corrected).toContain('<p class="correction" role="note"><strong>Correction:</strong> An earlier version misstated the date.</p>');
  });

  it('shows no correction note when the article has none', () => {
    expect(html).not.toContain('class="correction"');
  });

  it('lists the tags', () => {
    expect(texts(element(html, /<ul class="tags"[^>]*>/), 'li')).toEqual([...SEED_ARTICLE.tags]);
  });

  it('offers X, Facebook, LinkedIn and email share links with the encoded article URL', () => {
    const share = element(html, /<section class="share"[^>]*>/);
    expect(texts(share, 'h2')).toEqual(['Share Article']);
    const hrefs = attributeValues(share, 'href');
    expect(hrefs).toContain(`https://twitter.com/intent/tweet?url=${encodedUrl}&amp;text=${encodeURIComponent(SEED_ARTICLE.title)}`);
    expect(hrefs).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`);
    expect(hrefs).toContain(`https://www.linkedin.com/sharing/share-offsite/?url=${encodedUrl}`);
    expect(hrefs).toContain(`mailto:?subject=${encodeURIComponent(SEED_ARTICLE.title)}&amp;body=${encodedUrl}`);
  });

  it('offers a plain Copy link to the article URL', () => {
    const share = element(html, /<section class="share"[^>]*>/);
    expect(share).toContain(
      '<a class="share-copy" href="http://localhost:3000/articles/a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence/" data-copy-link>Copy link</a>',
    );
  });

  it('says no related articles were found when there are none', () => {
    const related = element(html, /<section id="related"[^>]*>/);
    expect(texts(related, 'h2')).toEqual(['Related Articles']);
    expect(related).toContain('No related articles found');
    expect(related).not.toContain('<ol');
  });

  it('lists related articles as links in rank order', () => {
    const related = element(
      render({
        related: [
          { slug: 'first', title: 'First story', section: 'World' },
          { slug: 'second', title: 'Second story', section: 'Tech' },
          { slug: 'third', title: 'Third story', section: 'Business' },
        ],
      }),
      /<section id="related"[^>]*>/,
    );
    expect(texts(related, 'a')).toEqual(['First story', 'Second story', 'Third story']);
    expect(attributeValues(element(related, /<ol>/), 'href')).toEqual(['/articles/first/', '/articles/second/', '/articles/third/']);
    expect(related).not.toContain('No related articles found');
  });

  it('renders the parts in the reference order', () => {
    const order = [
      '<h1>',
      '<p class="dek">',
      '<figure',
      '<section class="takeaways"',
      '<aside class="analysis"',
      '<div class="byline-block">',
      '<div class="article-body">',
      '<section class="share"',
      '<section id="related"',
    ].map((marker) => html.indexOf(marker));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('renderArticlePage: languages and URLs', () => {
  it('marks right-to-left languages with dir="rtl"', () => {
    for (const language of ['ar', 'he', 'fa-IR', 'ur']) {
      expect(render({ language })).toContain(`<html lang="${language}" dir="rtl">`);
    }
  });

  it('keeps left-to-right languages without a dir attribute', () => {
    expect(render({ language: 'zh-Hans' })).toContain('<html lang="zh-Hans">');
  });

  it('keys a Chinese slug with raw characters and percent-encodes it in links', () => {
    const slug = '中美人工智能对话';
    const encoded = '%E4%B8%AD%E7%BE%8E%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD%E5%AF%B9%E8%AF%9D';
    const file = renderArticlePage({ ...SEED_ARTICLE, slug, language: 'zh' }, SITE);
    expect(file.key).toBe(`articles/${slug}/index.html`);
    expect(file.body).toContain(`<link rel="canonical" href="http://localhost:3000/articles/${encoded}/">`);
    expect(file.body).toContain(`class="share-copy" href="http://localhost:3000/articles/${encoded}/"`);
    expect(attributeValues(file.body, 'href').some((href) => href.includes(slug))).toBe(false);
  });

  it('percent-encodes Chinese slugs of related articles', () => {
    const related = element(render({ related: [{ slug: '新闻', title: 'News', section: 'World' }] }), /<section id="related"[^>]*>/);
    expect(attributeValues(related, 'href')).toEqual(['/articles/%E6%96%B0%E9%97%BB/']);
  });
});
