import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../shared/domain/article';
import { deadlineAfter, DraftTooComplexError } from '../../../shared/domain/deadline';
import { parseDraft } from '../../../shared/domain/draft';
import { articleTerms } from '../../../shared/domain/related';
import { renderArticlePage, renderFeeds, renderNewsSitemap, type ListedArticle } from '../../../shared/domain/render';
import { generateTakeaways } from '../../../shared/domain/takeaways';
import { DRAFT_DEADLINE_MS } from '../../../shared/use-cases/ingest-draft';
import { SEED_ARTICLE, SITE } from './render/seed-article';

const NOW = '2026-12-01T09:00:00.000Z';

/** Pieces of Markdown that parsers have choked on: brackets, emphasis, code, HTML, entities, nesting. */
const MARKDOWN_PIECE = fc.oneof(
  fc.constantFrom(
    '[',
    ']',
    '(',
    ')',
    '![',
    '](',
    '*',
    '**',
    '_',
    '__',
    '~~',
    '`',
    '```',
    '<',
    '>',
    '&',
    '&amp;',
    '&#0;',
    '&#xFFFF;',
    '\\',
    '|',
    '#',
    '- ',
    '1. ',
    '> ',
    '    ',
    '\n',
    '\n\n',
    ' ',
    '. ',
    'Mr. ',
    '?',
    '。',
    'https://e.org',
    'javascript:alert(1)',
    '<script>',
    '"',
    "'",
    '\u200b',
    '\u202e',
    '\ufeff',
    '\u0301',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);
/** A run of one piece: unmatched brackets, emphasis runs, deep quotes and lists, long lines. */
const MARKDOWN_RUN = fc
  .tuple(MARKDOWN_PIECE, fc.integer({ min: 1, max: 3_000 }))
  .map(([piece, times]) => piece.repeat(Math.min(times, Math.floor(20_000 / Math.max(piece.length, 1)))));
const MARKDOWN = fc
  .array(fc.oneof({ weight: 4, arbitrary: MARKDOWN_PIECE }, { weight: 1, arbitrary: MARKDOWN_RUN }), { maxLength: 40 })
  .map((parts) => parts.join(''));
const MANY_SENTENCES = fc.integer({ min: 1, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => `Item ${i} rose.`).join(' '));

/** YAML scalars an editor (or an attacker) might write, quoted so that escapes reach the parser. */
const TEXT = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('World', 'world\u200b', 'ＷＯＲＬＤ', '\uffff', '\u0085', '<b>&</b>', ']]>', '--', '\u202eevil', 'a\u0301'),
);
const yamlString = (value: string) => JSON.stringify(value);
const FRONT_MATTER = fc
  .record(
    {
      title: TEXT,
      section: TEXT,
      dek: TEXT,
      slug: TEXT,
      byline: TEXT,
      tags: fc.array(TEXT, { maxLength: 4 }),
      publishAt: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constant('9999-12-31T23:59:59.999Z'),
      ),
      extra: fc.constantFrom('', `deep: ${'['.repeat(200)}${']'.repeat(200)}`, 'x: &a [1,1,1]\ny: [*a,*a,*a]'),
    },
    { requiredKeys: ['title', 'section', 'extra'] },
  )
  .map(({ extra, tags, ...fields }) =>
    [
      ...Object.entries(fields).map(([key, value]) => `${key}: ${yamlString(value)}`),
      ...(tags ? [`tags: [${tags.map(yamlString).join(', ')}]`] : []),
      extra,
    ].join('\n'),
  );

/** Characters XML 1.0 allows. */
const XML_CHARS = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

/** Parse, validate, takeaways and related terms, as ingest runs them: an answer, or too complex. */
function ingestPath(text: string): { readonly kind: 'rejected' | 'too-complex' } | { readonly kind: 'accepted'; readonly article: Article } {
  const deadline = deadlineAfter(DRAFT_DEADLINE_MS);
  const parsed = parseDraft({ fileName: 'drafts/p.md', bytes: new TextEncoder().encode(text), now: NOW });
  if (!parsed.ok) {
    expect(parsed.errors.length).toBeGreaterThan(0);
    return { kind: 'rejected' };
  }
  try {
    const takeaways = generateTakeaways(parsed.draft, { deadline });
    articleTerms(parsed.draft, deadline);
    const { publishAt: _publishAt, ...draft } = parsed.draft;
    return { kind: 'accepted', article: { ...SEED_ARTICLE, ...draft, takeaways, takeawaysSource: 'extractive', publishedAt: NOW, updatedAt: NOW } };
  } catch (error) {
    if (error instanceof DraftTooComplexError) return { kind: 'too-complex' };
    throw error;
  }
}

function expectWellFormedHtml(html: string): void {
  const errors: string[] = [];
  parseHtml(html, {
    onParseError: (error) => errors.push(`${error.code} at ${error.startOffset}: ${html.slice(error.startOffset - 20, error.startOffset + 20)}`),
  });
  expect(errors).toEqual([]);
  for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(() => JSON.parse(json!)).not.toThrow();
}

function expectWellFormedXml(xml: string): void {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(XML_CHARS.test(xml)).toBe(true);
}

function expectRendersWellFormed(article: Article): void {
  expectWellFormedHtml(renderArticlePage(article, SITE).body);
  const listed: ListedArticle = article;
  for (const feed of renderFeeds({ items: [listed] }, SITE)) {
    if (feed.key.endsWith('.json')) expect(() => JSON.parse(feed.body)).not.toThrow();
    else expectWellFormedXml(feed.body);
  }
  expectWellFormedXml(renderNewsSitemap([listed], new Date(NOW), SITE).body);
}

describe('generated and adversarial drafts (fast-check)', () => {
  it('always get an answer, and what is accepted renders as well-formed HTML, XML and JSON-LD', () => {
    fc.assert(
      fc.property(FRONT_MATTER, MARKDOWN, (frontMatter, body) => {
        const answer = ingestPath(`---\n${frontMatter}\n---\n\n${body}\n`);
        if (answer.kind === 'accepted') expectRendersWellFormed(answer.article);
      }),
      { numRuns: 80, seed: 20261201 },
    );
  }, 180_000);

  it('accept valid fields with any hostile body and render it well-formed', () => {
    fc.assert(
      fc.property(fc.oneof(MARKDOWN, MANY_SENTENCES), (body) => {
        const answer = ingestPath(`---\ntitle: A title\nsection: World\n---\n\n${body}\n`);
        if (body.trim() !== '' && answer.kind === 'rejected') return; // control characters and the like
        if (answer.kind === 'accepted') expectRendersWellFormed(answer.article);
      }),
      { numRuns: 40, seed: 20261202 },
    );
  }, 180_000);

  it('never accept a field that XML cannot carry or a section with an invisible character', () => {
    fc.assert(
      fc.property(TEXT, TEXT, (title, section) => {
        const answer = ingestPath(`---\ntitle: ${yamlString(title)}\nsection: ${yamlString(section)}\n---\n\nBody text.\n`);
        if (answer.kind !== 'accepted') return;
        expect(XML_CHARS.test(answer.article.title + answer.article.section)).toBe(true);
        expect(answer.article.section).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u);
        expect(answer.article.section).toBe(answer.article.section.normalize('NFKC').trim());
      }),
      { numRuns: 300, seed: 20261203 },
    );
  }, 60_000);
});
