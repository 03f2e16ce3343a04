import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../shared/domain/render';
import { renderPlainProse } from '../../../../shared/domain/render/plain-prose';
import { CORPUS_ARTICLES, corpusBodies } from '../../../support/corpus';

/** The parser with the site renderer's options; its page rules never fire on prose. */
const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'word',
  'Über',
  '中文',
  ' ',
  ' ',
  ' ',
  '\n',
  '\n',
  '\n\n',
  '.',
  ',',
  ';',
  ':',
  '?',
  '!',
  "'",
  '"',
  '(',
  ')',
  '-',
  '—',
  '%',
  '$',
  '£',
  '1',
  '2024',
  '1.',
  '2)',
  '#',
  '>',
  '*',
  '_',
  '+',
  '=',
  '~',
  '`',
  '|',
  '[',
  ']',
  '<',
  '&',
  '&amp;',
  '&T;',
  '&#39;',
  '\t',
  '\u00a0',
  '\\',
  '---',
  '===',
  '    ',
  'https://example.org',
  '@',
  '^',
  '{',
  '}',
  '/',
  '\r\n',
];

function sample(next: () => number): string {
  let text = '';
  const length = 1 + Math.floor(next() * 12);
  for (let i = 0; i < length; i += 1) text += PIECES[Math.floor(next() * PIECES.length)];
  return text;
}

describe('renderPlainProse', () => {
  it('writes paragraphs with their line breaks, escaping & and "', () => {
    expect(renderPlainProse('Fish & "chips"\nare back.\n\n\nSecond one.\n')).toBe(
      '<p>Fish &amp; &quot;chips&quot;\nare back.</p>\n<p>Second one.</p>\n',
    );
  });

  it.each([
    ['emphasis', 'A *bold* claim'],
    ['a link', 'See [the report](https://example.org)'],
    ['an entity', 'Caf&eacute; society'],
    ['a heading', '# Title'],
    ['a list item', '- item'],
    ['an ordered list item', '1. item'],
    ['a quote', '> said'],
    ['an indented line', 'Text\n    code?'],
    ['a trailing space (hard break)', 'Line  \nnext'],
    ['a tab', 'a\tb'],
    ['a no-break space', 'a\u00a0b'],
    ['a table row', 'a | b'],
    ['raw HTML', '<b>x</b>'],
  ])('leaves Markdown with %s to the parser', (_what, markdown) => {
    expect(renderPlainProse(markdown)).toBeUndefined();
  });

  it('renders 20,000 random texts exactly as markdown-it does, whenever it renders them at all', () => {
    const next = random(20261128);
    let rendered = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const text = sample(next);
      const prose = renderPlainProse(text);
      if (prose === undefined) continue;
      rendered += 1;
      expect(prose, JSON.stringify(text)).toBe(markdownIt.render(text));
    }
    expect(rendered).toBeGreaterThan(1_000);
  });

  it.skipIf(!CORPUS_ARTICLES)('renders most corpus bodies, each exactly as markdown-it does', () => {
    const bodies = corpusBodies();
    const rendered = bodies.filter(([, body]) => renderPlainProse(body) !== undefined);
    for (const [name, body] of rendered) expect(renderPlainProse(body), name).toBe(markdownIt.render(body));
    expect(rendered.length).toBeGreaterThanOrEqual(bodies.length * 0.8);
  });
});

describe('renderMarkdown', () => {
  it('gives prose and Markdown the same HTML as the parser', () => {
    for (const body of ['Plain prose.\n\nTwo paragraphs & "quotes".', 'Prose with *emphasis* and [a link](/x).']) {
      expect(renderMarkdown(body)).toBe(markdownIt.render(body));
    }
  });
});
