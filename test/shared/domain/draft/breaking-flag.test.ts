import { describe, expect, it } from 'vitest';
import { declaresBreaking } from '../../../../shared/domain/draft/breaking-flag';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('declaresBreaking', () => {
  it('reads breaking: true from Markdown front matter (CRLF and a BOM too)', () => {
    expect(declaresBreaking('drafts/a.md', bytes('---\ntitle: A\nbreaking: true\n---\nBody'))).toBe(true);
    expect(declaresBreaking('drafts/a.md', bytes('\uFEFF---\r\ntitle: A\r\nbreaking: true\r\n---\r\nBody'))).toBe(true);
  });

  it('reads breaking: true from a JSON draft', () => {
    expect(declaresBreaking('drafts/a.json', bytes(JSON.stringify({ title: 'A', breaking: true })))).toBe(true);
  });

  it('is false for absent, false or non-boolean flags, a flag in the body, and unreadable drafts', () => {
    expect(declaresBreaking('drafts/a.md', bytes('---\ntitle: A\n---\nbreaking: true'))).toBe(false);
    expect(declaresBreaking('drafts/a.md', bytes('---\nbreaking: false\n---\nBody'))).toBe(false);
    expect(declaresBreaking('drafts/a.md', bytes('---\nbreaking: "true"\n---\nBody'))).toBe(false);
    expect(declaresBreaking('drafts/a.md', bytes('---\nbreaking: [true\n---\nBody'))).toBe(false);
    expect(declaresBreaking('drafts/a.md', bytes('no front matter'))).toBe(false);
    expect(declaresBreaking('drafts/a.json', bytes('{"breaking": true'))).toBe(false);
  });
});
