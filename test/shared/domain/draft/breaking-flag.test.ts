import { describe, expect, it } from 'vitest';
import { declaresBreaking } from '../../../../shared/domain/draft/breaking-flag';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('declaresBreaking', async () => {
  it('reads breaking: true from Markdown front matter (CRLF and a BOM too)', async () => {
    expect(await declaresBreaking('drafts/a.md', bytes('---\ntitle: A\nbreaking: true\n---\nBody'))).toBe(true);
    expect(await declaresBreaking('drafts/a.md', bytes('\uFEFF---\r\ntitle: A\r\nbreaking: true\r\n---\r\nBody'))).toBe(true);
  });

  it('reads the key however YAML spells it: quoted, escaped, or in a flow mapping', async () => {
    expect(await declaresBreaking('drafts/a.md', bytes('---\n"breaking": true\n---\nBody'))).toBe(true);
    expect(await declaresBreaking('drafts/a.md', bytes('---\n"\\x62reaking": true\n---\nBody'))).toBe(true);
    expect(await declaresBreaking('drafts/a.md', bytes('---\n"br\\u0065aking": true\n---\nBody'))).toBe(true);
    expect(await declaresBreaking('drafts/a.md', bytes('---\n{title: A, breaking: true}\n---\nBody'))).toBe(true);
  });

  it('reads breaking: true from a JSON draft', async () => {
    expect(await declaresBreaking('drafts/a.json', bytes(JSON.stringify({ title: 'A', breaking: true })))).toBe(true);
  });

  it('is false for absent, false or non-boolean flags, a flag in the body, and unreadable drafts', async () => {
    expect(await declaresBreaking('drafts/a.md', bytes('---\ntitle: A\n---\nbreaking: true'))).toBe(false);
    expect(await declaresBreaking('drafts/a.md', bytes('---\nbreaking: false\n---\nBody'))).toBe(false);
    expect(await declaresBreaking('drafts/a.md', bytes('---\nbreaking: "true"\n---\nBody'))).toBe(false);
    expect(await declaresBreaking('drafts/a.md', bytes('---\nbreaking: [true\n---\nBody'))).toBe(false);
    expect(await declaresBreaking('drafts/a.md', bytes('no front matter'))).toBe(false);
    expect(await declaresBreaking('drafts/a.json', bytes('{"breaking": true'))).toBe(false);
  });
});
