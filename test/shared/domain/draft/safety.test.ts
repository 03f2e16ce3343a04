import { describe, expect, it } from 'vitest';
import { parseDraft } from '../../../../shared/domain/draft';
import { expectErrors, markdown, parseText, problemAt, REQUIRED } from './draft-fixtures';

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseDraft refuses unreadable files', () => {
  it('rejects an empty file', () => {
    const errors = expectErrors(parseDraft({ fileName: 'd.md', bytes: new Uint8Array() }));
    expect(errors).toEqual([{ path: '', message: 'The file is empty', line: undefined }]);
  });

  it('rejects a file of only whitespace', () => {
    expect(expectErrors(parseText(' \n\n\t\n'))[0]?.message).toMatch(/empty/);
  });

  it('rejects a file over maxBytes before decoding it', () => {
    const bytes = new Uint8Array(101).fill(0xff);
    const errors = expectErrors(parseDraft({ fileName: 'd.md', bytes, maxBytes: 100 }));
    expect(errors[0]?.message).toBe('The file is too large: 101 bytes, at most 100');
  });

  it('rejects a file with NUL bytes as binary, at the line of the first one', () => {
    const bytes = new Uint8Array([...encode('---\ntitle: x\n'), 0x00, 0x01]);
    expect(expectErrors(parseDraft({ fileName: 'd.md', bytes }))[0]).toMatchObject({ line: 3, message: expect.stringMatching(/binary/) });
  });

  it('rejects bytes that are not UTF-8', () => {
    const bytes = new Uint8Array([...encode('---\ntitle: caf'), 0xe9, ...encode('\n---\nbody')]);
    expect(expectErrors(parseDraft({ fileName: 'd.md', bytes }))[0]?.message).toMatch(/not valid UTF-8/);
  });
});

describe('parseDraft front matter structure', () => {
  it('rejects a Markdown draft without front matter, saying how it should start', () => {
    const errors = expectErrors(parseText('# Just a heading\n\nText.'));
    expect(errors[0]).toMatchObject({ line: 1, message: expect.stringMatching(/^Missing front matter: .*starts with a line "---"/) });
  });

  it('rejects unterminated front matter', () => {
    const errors = expectErrors(parseText(`---\n${REQUIRED}\n\nBody without a closing fence.`));
    expect(errors[0]?.message).toMatch(/^Unterminated front matter/);
  });

  it('rejects invalid YAML with its file line', () => {
    const errors = expectErrors(parseText(markdown('title: A headline\nsection: [World\ndek: x')));
    expect(errors[0]?.message).toMatch(/^Invalid YAML: /);
    expect(errors[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('rejects a duplicate key with the line of the second one', () => {
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\ntitle: Another`)));
    expect(errors).toEqual([{ path: '', line: 4, message: 'Duplicate field "title": give each field once' }]);
  });

  it('rejects front matter that is a list instead of fields', () => {
    expect(expectErrors(parseText(markdown('- title\n- section')))[0]?.message).toMatch(/must be fields/);
  });

  it('rejects a body field in the front matter of a Markdown draft', () => {
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\nbody: text`)));
    expect(problemAt(errors, 'body')).toMatchObject({ line: 4, message: expect.stringMatching(/goes after the closing "---"/) });
  });

  it('rejects an empty body, at the line after the front matter', () => {
    const errors = expectErrors(parseText(`---\n${REQUIRED}\n---\n\n   \n`));
    expect(problemAt(errors, 'body')).toEqual({ path: 'body', line: 5, message: 'Must not be empty' });
  });
});

describe('parseDraft against resource exhaustion and prototype pollution', () => {
  it('rejects a YAML alias bomb', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [previous, name] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
      ['f', 'g'],
    ] as const) {
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\n${levels.join('\n')}\ntags: *g`)));
    expect(errors).toEqual([{ path: '', message: expect.stringMatching(/Invalid YAML: Excessive alias count/) }]);
  });

  it('rejects a recursive alias', () => {
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\ntags: &loop [*loop]`)));
    expect(errors[0]?.message).toMatch(/alias|nested too deeply/i);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects a top-level "%s" key with its line', (key) => {
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\n${key}:\n  polluted: true`)));
    expect(problemAt(errors, key)).toEqual({ path: key, line: 4, message: `Field name "${key}" is not allowed` });
  });

  it('rejects a __proto__ key nested in image', () => {
    const errors = expectErrors(parseText(markdown(`${REQUIRED}\nimage:\n  alt: A\n  __proto__: {polluted: true}`)));
    expect(problemAt(errors, 'image.__proto__').line).toBe(6);
  });

  it('rejects a __proto__ key in a JSON draft without polluting any prototype', () => {
    const text = '{"title": "T", "section": "W", "body": "b", "__proto__": {"polluted": true}}';
    const errors = expectErrors(parseText(text, 'd.json'));
    expect(problemAt(errors, '__proto__').message).toMatch(/not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
