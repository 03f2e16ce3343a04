import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../shared/domain/render';
import { attributeValues } from './html-parts';

describe('renderMarkdown', () => {
  it('renders paragraphs, emphasis and lists', () => {
    expect(renderMarkdown('One *two*.\n\n- a\n- b')).toBe('<p>One <em>two</em>.</p>\n<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n');
  });

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['&#106;avascript:alert(1)'],
    ['&#x6A;avascript&colon;alert(1)'],
    ['<java\tscript:alert(1)>'],
    ['<java\nscript:alert(1)>'],
    ['java%09script:alert(1)'],
    ['%6Aavascript:alert(1)'],
    ['\u0001javascript:alert(1)'],
  ])('does not link %j', (destination) => {
    const html = renderMarkdown(`[click](${destination}) and ![pic](${destination})`);
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<img');
  });

  it('does not turn a javascript: autolink into a link', () => {
    expect(renderMarkdown('<javascript:alert(1)>')).not.toContain('<a ');
  });

  it('does not link a javascript: reference definition', () => {
    expect(renderMarkdown('[click][x]\n\n[x]: javascript:alert(1)')).not.toContain('<a ');
  });

  it('links http, https, mailto and relative URLs', () => {
    const html = renderMarkdown(
      '[a](http://example.com/a) [b](https://example.com/b) [c](mailto:desk@example.com) [d](/articles/x/) [e](../y/) [f](#notes)',
    );
    expect(attributeValues(html, 'href')).toEqual([
      'http://example.com/a',
      'https://example.com/b',
      'mailto:desk@example.com',
      '/articles/x/',
      '../y/',
      '#notes',
    ]);
  });

  it('marks external links noopener noreferrer', () => {
    expect(renderMarkdown('[a](https://example.com/)')).toContain('<a href="https://example.com/" rel="noopener noreferrer">a</a>');
  });

  it('leaves internal and mailto links without rel', () => {
    const html = renderMarkdown('[a](/articles/x/) [b](mailto:a@example.com)');
    expect(html).not.toContain('rel=');
  });

  it('marks protocol-relative links as external', () => {
    expect(renderMarkdown('[a](//example.com/)')).toContain('rel="noopener noreferrer"');
  });

  it('lazy-loads Markdown images', () => {
    expect(renderMarkdown('![A chart](chart.png)')).toContain('<img src="chart.png" alt="A chart" loading="lazy">');
  });

  it('aligns table cells with classes, not inline styles', () => {
    const html = renderMarkdown('| a | b |\n|:-|-:|\n| 1 | 2 |');
    expect(html).not.toContain('style=');
    expect(html).toContain('<td class="align-right">2</td>');
  });

  it('demotes headings above the minimum level', () => {
    expect(renderMarkdown('# Top\n\n### Deep', { minHeadingLevel: 2 })).toBe('<h2>Top</h2>\n<h3>Deep</h3>\n');
  });

  it('keeps heading levels by default', () => {
    expect(renderMarkdown('# Top')).toBe('<h1>Top</h1>\n');
  });
});
