import { readFileSync } from 'node:fs';
import { parseDraft, type ParseDraftResult } from '../../../../shared/domain/draft';
import type { DraftContent, DraftProblem } from '../../../../shared/domain/article';

/** The seed draft, as bytes. */
export const seedDraftBytes = (): Uint8Array => readFileSync(new URL('../../../../examples/us-china-ai-dialogue.md', import.meta.url));

/** A Markdown draft with the given front matter lines (no fences) and body. */
export function markdown(frontMatter: string, body = 'The body.'): string {
  return `---\n${frontMatter}\n---\n\n${body}\n`;
}

/** The two required fields, for drafts that test something else. */
export const REQUIRED = 'title: A headline\nsection: World';

/** Parses text as a draft named `fileName`. */
export function parseText(text: string, fileName = 'drafts/test.md'): ParseDraftResult {
  return parseDraft({ fileName, bytes: new TextEncoder().encode(text) });
}

/** The draft of a result that must be valid; fails the test with the problems otherwise. */
export function expectDraft(result: ParseDraftResult): DraftContent {
  if (!result.ok) throw new Error(`expected a valid draft, got ${JSON.stringify(result.errors)}`);
  return result.draft;
}

/** The problems of a result that must be invalid. */
export function expectErrors(result: ParseDraftResult): DraftProblem[] {
  if (result.ok) throw new Error('expected the draft to be rejected');
  return result.errors;
}

/** The problem at `path`, failing when there is none. */
export function problemAt(errors: readonly DraftProblem[], path: string): DraftProblem {
  const problem = errors.find((error) => error.path === path);
  if (!problem) throw new Error(`no problem at "${path}" in ${JSON.stringify(errors)}`);
  return problem;
}
