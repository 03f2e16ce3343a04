/** Splits a Markdown draft into its YAML front matter and its body. */
import type { DraftProblem } from '../article';

/** The parts of a Markdown draft, or why it has no usable front matter. */
export type FrontMatterSplit =
  | {
      readonly ok: true;
      /** The YAML between the `---` lines; its line 1 is the file's line 2. */
      readonly yaml: string;
      /** Everything after the closing `---` line, as written. */
      readonly body: string;
      /** File line where the body starts (the line after the closing `---`). */
      readonly bodyLine: number;
    }
  | { readonly ok: false; readonly problem: DraftProblem };

const FENCE = /^---[ \t]*$/;

/**
 * Splits `text` (LF line ends) at its front matter fences: the first line must
 * be `---`, and the next `---` line closes the fields.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return fail(
      'Missing front matter: a Markdown draft starts with a line "---", then its fields (title: ..., section: ...), then a line "---", then the body',
      1,
    );
  }
  const close = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (close === -1) return fail('Unterminated front matter: no closing "---" line after the fields', 1);
  return {
    ok: true,
    yaml: lines.slice(1, close).join('\n'),
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}

function fail(message: string, line: number): FrontMatterSplit {
  return { ok: false, problem: { path: '', message, line } };
}
