import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../../shared/domain/draft';
import { expectDraft, expectErrors, markdown, parseText, problemAt, REQUIRED } from './draft-fixtures';

const fields = (frontMatter: string, body?: string) => parseText(markdown(frontMatter, body));

describe('text hygiene at parse time', () => {
  it('rejects a noncharacter in the title with its field and line', () => {
    const problem = problemAt(expectErrors(fields('title: "Markets \\uFFFF rally"\nsection: World')), 'title');
    expect(problem).toMatchObject({ line: 2, message: expect.stringContaining('a noncharacter (U+FFFF)') });
  });

  it('rejects U+FFFE and a C1 control in multi-line fields too', () => {
    const errors = expectErrors(fields(`${REQUIRED}\ndek: "A \\uFFFE dek"\ncorrection: "Fixed \\x85 now"`));
    expect(problemAt(errors, 'dek').message).toContain('U+FFFE');
    expect(problemAt(errors, 'correction').message).toContain('a control character (U+0085)');
  });

  it('gives the file line of a control character inside the body', () => {
    const problem = problemAt(expectErrors(fields(REQUIRED, 'First line.\n\nThird line \u0007 here.')), 'body');
    // Front matter is lines 1-4, the body starts on line 5 with a blank line, "Third line" is line 8.
    expect(problem.line).toBe(8);
    expect(problem.message).toContain('U+0007');
  });

  it.each([
    ['section', 'title: A headline\nsection: "World\\u200B"'],
    ['title', 'title: "A \\u202Eheadline"\nsection: World'],
    ['tags.0', `${REQUIRED}\ntags: ["AI\\u2066"]`],
    ['byline', `${REQUIRED}\nbyline: "Desk\\u200D"`],
    ['slug', `${REQUIRED}\nslug: "a\\u200Bb"`],
  ])('rejects a zero-width or bidirectional control in %s', (path, frontMatter) => {
    expect(problemAt(expectErrors(fields(frontMatter)), path).message).toMatch(/invisible character \(U\+[0-9A-F]{4}/);
  });

  it('keeps the zero-width non-joiner a Persian title needs', () => {
    expect(expectDraft(fields('title: "می\u200Cخواهم"\nsection: World')).title).toBe('می\u200Cخواهم');
  });

  it('removes zero-width and bidirectional controls from the body and dek', () => {
    const draft = expectDraft(fields(`${REQUIRED}\ndek: "A\\u200B dek"`, 'Body\u2066 text\u200F.'));
    expect([draft.dek, draft.body]).toEqual(['A dek', 'Body text.']);
  });

  it('normalises text to NFC', () => {
    const draft = expectDraft(fields('title: "Cafe\\u0301 opens"\nsection: World', 'Cafe\u0301.'));
    expect([draft.title, draft.body]).toEqual(['Café opens', 'Café.']);
  });

  it('makes World, world, fullwidth ｗｏｒｌｄ and spaced "World " one section', () => {
    const sections = ['World', 'world', 'ｗｏｒｌｄ', '" World  "'].map((s) => expectDraft(fields(`title: T\nsection: ${s}`)).section);
    expect(new Set(sections)).toEqual(new Set(['World']));
  });

  it('folds tags with NFKC and collapses their spaces', () => {
    expect(expectDraft(fields(`${REQUIRED}\ntags: ["ＡＩ", "trade   talks", ai]`)).tags).toEqual(['AI', 'trade talks']);
  });

  it('reads a fullwidth slug as its NFKC form', () => {
    expect(expectDraft(fields(`${REQUIRED}\nslug: ａｄｍｉｎ`)).slug).toBe('admin');
  });

  it('rejects a slug of combining marks only', () => {
    expect(problemAt(expectErrors(fields(`${REQUIRED}\nslug: "\\u0301\\u0302"`)), 'slug').message).toMatch(/letters and digits/);
  });

  it('accepts a slug of lowercase letters of another script', () => {
    expect(expectDraft(fields(`${REQUIRED}\nslug: 中美-对话`)).slug).toBe('中美-对话');
  });

  it('rejects a noncharacter in a JSON draft escaped as \\uFFFF', () => {
    const json = JSON.stringify({ title: 'Hi \uFFFF', section: 'World', body: 'Text.' });
    const result = parseDraft({ fileName: 'drafts/x.json', bytes: new TextEncoder().encode(json) });
    expect(problemAt(expectErrors(result), 'title').message).toContain('U+FFFF');
  });
});

describe('publishAt bound', () => {
  const now = '2026-12-01T00:00:00.000Z';
  const parseAt = (publishAt: string) =>
    parseDraft({ fileName: 'drafts/x.md', bytes: new TextEncoder().encode(markdown(`${REQUIRED}\npublishAt: ${publishAt}`)), now });

  it('accepts a publishAt 366 days ahead', () => {
    expect(expectDraft(parseAt('2027-12-02T00:00:00Z')).publishAt).toBe('2027-12-02T00:00:00.000Z');
  });

  it('rejects a publishAt more than 366 days ahead, at its line', () => {
    const problem = problemAt(expectErrors(parseAt('9999-12-31T23:59:59.999Z')), 'publishAt');
    expect(problem).toMatchObject({ line: 4, message: expect.stringContaining('at most 366 days ahead') });
  });
});
