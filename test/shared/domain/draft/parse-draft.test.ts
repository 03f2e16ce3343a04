import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../../shared/domain/draft';
import { expectDraft, expectErrors, markdown, parseText, problemAt, REQUIRED, seedDraftBytes } from './draft-fixtures';

describe('parseDraft on the seed example', () => {
  const draft = expectDraft(parseDraft({ fileName: 'drafts/us-china-ai-dialogue.md', bytes: seedDraftBytes() }));

  it('reads the four editor takeaways', () => {
    expect(draft.takeaways).toHaveLength(4);
    expect(draft.takeaways?.[0]).toBe('Formal agreement reached between the U.S. and China to initiate high-level government talks on AI.');
  });

  it('derives the full slug from the title (84 characters, under the 100 limit, so not cut)', () => {
    expect(draft.slug).toBe('a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence');
  });

  it('reads the headline, section, tags, image description and analysis', () => {
    expect(draft.title).toBe('A Digital Ceasefire? US and China Open High-Level Dialogue on Artificial Intelligence');
    expect(draft.section).toBe('World');
    expect(draft.tags).toEqual(['US-China relations', 'artificial intelligence', 'diplomacy', 'AI safety']);
    expect(draft.image).toEqual({
      alt: 'Chinese national flag flying high against a clear blue sky, symbolizing unity and pride.',
    });
    expect(draft.analysis?.label).toBe("Editor's Desk");
    expect(draft.analysis?.title).toBe('Strategic Analysis');
  });

  it('keeps the body after the closing fence, without the outer blank lines', () => {
    expect(draft.body.startsWith('In a rare moment of diplomatic synchronization')).toBe(true);
    expect(draft.body.endsWith('a fundamentally adversarial relationship.')).toBe(true);
    expect(draft.body.split('\n\n')).toHaveLength(4);
  });

  it('folds the multi-line dek into one paragraph', () => {
    expect(draft.dek).toMatch(/^China and the United States .* institutional communication\.$/);
    expect(draft.dek).not.toContain('\n');
  });
});

describe('parseDraft defaults', () => {
  const draft = expectDraft(parseText(markdown(REQUIRED)));

  it('defaults language to en, breaking to false and tags to none', () => {
    expect(draft.language).toBe('en');
    expect(draft.breaking).toBe(false);
    expect(draft.tags).toEqual([]);
  });

  it('leaves out optional fields the draft does not give', () => {
    expect(Object.keys(draft).sort()).toEqual(['body', 'breaking', 'language', 'section', 'slug', 'tags', 'title']);
  });

  it('treats an optional field with an empty value as not given', () => {
    const withEmpty = expectDraft(parseText(markdown(`${REQUIRED}\ndek:\ntakeaways:`)));
    expect(withEmpty).not.toHaveProperty('dek');
    expect(withEmpty).not.toHaveProperty('takeaways');
  });
});

describe('parseDraft input forms', () => {
  it('accepts a byte order mark and CRLF line endings', () => {
    const text = markdown(`${REQUIRED}\ntags: [a, b]`, 'First line.\n\nSecond line.').replace(/\n/g, '\r\n');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const draft = expectDraft(parseDraft({ fileName: 'drafts/crlf.md', bytes }));
    expect(draft.title).toBe('A headline');
    expect(draft.tags).toEqual(['a', 'b']);
    expect(draft.body).toBe('First line.\n\nSecond line.');
  });

  it('keeps line numbers right with a byte order mark and CRLF', () => {
    const text = '---\r\ntitle: A\r\nsection: World\r\nbyline: [x]\r\n---\r\nBody\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(problemAt(expectErrors(parseDraft({ fileName: 'd.md', bytes })), 'byline').line).toBe(4);
  });

  it('accepts the suffix in any case', () => {
    expect(parseText(markdown(REQUIRED), 'drafts/LOUD.MD').ok).toBe(true);
  });

  it('rejects a file that is neither .md nor .json', () => {
    expect(expectErrors(parseText(markdown(REQUIRED), 'drafts/notes.txt'))[0]?.message).toMatch(/\.md or \.json/);
  });

  it('keeps the body as written, indentation of its first line included', () => {
    const draft = expectDraft(parseText(markdown(REQUIRED, '\n    code block\n\nText with <b>html</b>   ')));
    expect(draft.body).toBe('    code block\n\nText with <b>html</b>');
  });

  it('keeps numbers in text fields as written', () => {
    const draft = expectDraft(parseText(markdown(`${REQUIRED}\ntags: [2024, 1.10, 0x1F]\nbyline: 007`)));
    expect(draft.tags).toEqual(['2024', '1.10', '0x1F']);
    expect(draft.byline).toBe('007');
  });

  it('resolves a modest YAML alias', () => {
    const draft = expectDraft(parseText(markdown(`${REQUIRED}\nbyline: &desk World Desk\npublication: *desk`)));
    expect(draft.publication).toBe('World Desk');
  });
});

describe('parseDraft on JSON drafts', () => {
  const json = (fields: Record<string, unknown>): string => JSON.stringify(fields, null, 2);

  it('parses a JSON draft with the same fields and a body', () => {
    const draft = expectDraft(
      parseText(
        json({ title: 'Markets rally', section: 'Business', tags: ['stocks'], breaking: true, body: '\nMarkets rose.\n' }),
        'drafts/markets.json',
      ),
    );
    expect(draft).toMatchObject({ title: 'Markets rally', section: 'Business', tags: ['stocks'], breaking: true });
    expect(draft.body).toBe('Markets rose.');
    expect(draft.slug).toBe('markets-rally');
  });

  it('requires a body in a JSON draft', () => {
    const errors = expectErrors(parseText(json({ title: 'T', section: 'World' }), 'd.json'));
    expect(problemAt(errors, 'body').message).toBe('Required');
  });

  it('reports the line of a wrongly typed top-level field', () => {
    const errors = expectErrors(parseText(json({ title: 'T', section: 'World', breaking: 'yes', body: 'b' }), 'd.json'));
    expect(problemAt(errors, 'breaking')).toMatchObject({ line: 4, message: 'Expected true or false, got text "yes"' });
  });

  it('reports the line of an unknown field nested in image', () => {
    const errors = expectErrors(parseText(json({ title: 'T', section: 'World', image: { alt: 'A flag', scr: 'a.jpg' }, body: 'b' }), 'd.json'));
    expect(problemAt(errors, 'image.scr')).toMatchObject({ line: 6, message: 'Unknown field "scr"; did you mean "src"?' });
  });

  it('rejects JSON syntax errors with their line', () => {
    const errors = expectErrors(parseText('{\n  "title": "T",\n}', 'd.json'));
    expect(errors[0]).toMatchObject({ path: '', line: 3 });
    expect(errors[0]?.message).toMatch(/^Invalid JSON/);
  });

  it('rejects duplicate keys, which JSON.parse would let through', () => {
    const errors = expectErrors(parseText('{\n  "title": "T",\n  "section": "World",\n  "title": "U",\n  "body": "b"\n}', 'd.json'));
    expect(errors[0]).toMatchObject({ line: 4, message: 'Duplicate field "title": give each field once' });
  });

  it('rejects a JSON draft that is not an object', () => {
    expect(expectErrors(parseText('["title"]', 'd.json'))[0]?.message).toMatch(/must be an object/);
  });

  it('accepts tab-indented JSON', () => {
    const text = '{\n\t"title": "T",\n\t"section": "World",\n\t"body": "b\\tc"\n}';
    expect(expectDraft(parseText(text, 'd.json')).body).toBe('b\tc');
  });
});
