import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash, stylesheet, stylesheetFile, stylesheetHref } from '../../../../shared/domain/render';

describe('contentHash', () => {
  it('is the first 8 hex digits of the SHA-256 of the text', () => {
    const text = 'body{color:red}';
    expect(contentHash(text)).toBe(createHash('sha256').update(text).digest('hex').slice(0, 8));
    expect(contentHash(text)).toMatch(/^[0-9a-f]{8}$/);
  });

  it('changes when the text changes', () => {
    expect(contentHash('body{color:red}')).not.toBe(contentHash('body{color:blue}'));
  });

  it('is stable for the same text', () => {
    expect(contentHash('a{}')).toBe(contentHash('a{}'));
  });
});

describe('stylesheetFile', () => {
  it('names the file after the hash of its content', () => {
    const css = 'p{margin:0}';
    expect(stylesheetFile(css).key).toBe(`assets/site.${contentHash(css)}.css`);
  });

  it('gives changed CSS a different key', () => {
    expect(stylesheetFile('p{margin:0}').key).not.toBe(stylesheetFile('p{margin:1px}').key);
  });

  it('is served as UTF-8 CSS cached immutably for a year', () => {
    const file = stylesheetFile('p{}');
    expect(file.contentType).toBe('text/css; charset=utf-8');
    expect(file.cacheControl).toBe('public, max-age=31536000, immutable');
  });
});

describe('stylesheet', () => {
  const file = stylesheet();

  it('is keyed by the hash of the site CSS', () => {
    expect(file.key).toBe(`assets/site.${contentHash(file.body)}.css`);
    expect(stylesheetHref()).toBe(`/${file.key}`);
  });

  it('is under 8 KB', () => {
    expect(Buffer.byteLength(file.body, 'utf8')).toBeLessThan(8 * 1024);
  });

  it('has a dark mode, print styles and visible focus styles', () => {
    expect(file.body).toContain('@media (prefers-color-scheme:dark)');
    expect(file.body).toContain('@media print');
    expect(file.body).toMatch(/:focus-visible\{outline:3px solid/);
  });

  it('limits the reading measure to about 68 characters', () => {
    expect(file.body).toContain('max-width:68ch');
  });

  it('numbers the takeaways as cards with a CSS counter', () => {
    expect(file.body).toContain('.takeaways li::before{content:counter(takeaway)');
  });

  it('styles every class the pages use', () => {
    for (const name of [
      'skip-link',
      'site-header',
      'brand',
      'kicker',
      'dek',
      'analysis',
      'label',
      'byline-block',
      'article-body',
      'share',
      'related',
      'empty',
      'article-list',
      'correction',
      'figure-text',
      'credit',
    ]) {
      expect(file.body, name).toContain(`.${name}`);
    }
  });
});
