import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../../shared/domain/render';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves other text, Unicode included, unchanged', () => {
    expect(escapeHtml('中美 AI — dialogue: 100%')).toBe('中美 AI — dialogue: 100%');
  });

  it('escapes an already escaped entity again', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});
