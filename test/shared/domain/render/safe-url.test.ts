import { describe, expect, it } from 'vitest';
import { isAllowedUrl, isExternalUrl } from '../../../../shared/domain/render';

describe('isAllowedUrl', () => {
  it.each([
    'http://example.com/',
    'https://example.com/a?b=c',
    'HTTPS://EXAMPLE.COM',
    'mailto:desk@example.com',
    '/articles/x/',
    'x/y.png',
    '../z',
    '#top',
    '?q=1',
    '//cdn.example.com/a.png',
  ])('allows %j', (url) => {
    expect(isAllowedUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\u0000script:alert(1)',
    'java%09script:alert(1)',
    '%6Aavascript:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'data:image/png;base64,iVBORw0KGgo=',
    'file:///etc/passwd',
    'ftp://example.com/',
  ])('refuses %j', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });
});

describe('isExternalUrl', () => {
  it('treats absolute http(s) and protocol-relative URLs as external', () => {
    expect(['http://a.example/', 'https://a.example/', '//a.example/'].map(isExternalUrl)).toEqual([true, true, true]);
  });

  it('treats relative and mailto URLs as internal', () => {
    expect(['/articles/x/', 'x.png', '#top', 'mailto:a@example.com'].map(isExternalUrl)).toEqual([false, false, false, false]);
  });
});
