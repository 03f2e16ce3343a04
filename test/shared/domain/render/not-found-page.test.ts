import { describe, expect, it } from 'vitest';
import { renderNotFoundPage } from '../../../../shared/domain/render';
import { texts } from './html-parts';
import { SITE } from './seed-article';

describe('renderNotFoundPage', () => {
  const page = renderNotFoundPage(SITE);

  it('is the 404.html page with the HTML cache policy', () => {
    expect(page.key).toBe('404.html');
    expect(page.contentType).toBe('text/html; charset=utf-8');
    expect(page.cacheControl).toBe('public, max-age=60, s-maxage=3600, stale-while-revalidate=86400');
  });

  it('says the page was not found and links home', () => {
    expect(texts(page.body, 'h1')).toEqual(['Page not found']);
    expect(page.body).toContain('<a href="/">Go to the latest articles</a>');
  });

  it('keeps itself out of search indexes', () => {
    expect(page.body).toContain('<meta name="robots" content="noindex">');
  });

  it('shows the publication name', () => {
    expect(texts(page.body, 'title')).toEqual(['Page not found | Newsroom Daily']);
  });
});
