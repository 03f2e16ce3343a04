import { describe, expect, it } from 'vitest';
import { articleHref, articleKey, articleUrl, encodePath } from '../../../../shared/domain/render';
import { SITE } from './seed-article';

describe('article URLs', () => {
  it('percent-encodes a Chinese slug in the href as UTF-8', () => {
    expect(articleHref('人工智能')).toBe('/articles/%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD/');
  });

  it('keeps the raw Chinese characters in the bucket key', () => {
    expect(articleKey('人工智能')).toBe('articles/人工智能/index.html');
  });

  it('leaves an ASCII slug unchanged in the href', () => {
    expect(articleHref('us-china-ai-dialogue')).toBe('/articles/us-china-ai-dialogue/');
  });

  it('makes the absolute URL from the site base URL', () => {
    expect(articleUrl('a-b', SITE)).toBe('http://localhost:3000/articles/a-b/');
  });

  it('encodes ? and # that encodeURI would leave in a path', () => {
    expect(encodePath('/articles/what? #1/')).toBe('/articles/what%3F%20%231/');
  });
});
