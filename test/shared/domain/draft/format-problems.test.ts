import { describe, expect, it } from 'vitest';
import { formatProblems } from '../../../../shared/domain/draft';

describe('formatProblems', () => {
  it('writes file, line, path and message on one line per problem', () => {
    const report = formatProblems('drafts/x.md', [
      { path: 'title', line: 3, message: 'Required' },
      { path: 'image.alt', line: 9, message: 'Must not be empty' },
    ]);
    expect(report).toBe('drafts/x.md:3: title: Required\ndrafts/x.md:9: image.alt: Must not be empty');
  });

  it('leaves out a missing line and an empty path', () => {
    const report = formatProblems('drafts/x.md', [
      { path: 'section', message: 'Required' },
      { path: '', message: 'The file is empty' },
    ]);
    expect(report).toBe('drafts/x.md: section: Required\ndrafts/x.md: The file is empty');
  });

  it('keeps a multi-line message on its own single line', () => {
    expect(formatProblems('d.md', [{ path: '', line: 1, message: 'first\n  second' }])).toBe('d.md:1: first second');
  });
});
