/** Turns validation issues into located draft problems, and problems into a report. */
import type * as z from '../../../events/zod';
import type { DraftProblem } from '../article';
import { KNOWN_FIELDS } from './schema';

/**
 * Converts zod issues into problems with a dotted `path` and the file `line`
 * of the field, or of its nearest located parent (none for a missing top-level
 * field). An unknown-fields issue becomes one problem per field, at that
 * field's line, with a "did you mean" hint when a known name is close.
 */
export function problemsFromIssues(
  issues: readonly z.core.$ZodIssue[],
  lines: ReadonlyMap<string, number>,
  format: 'markdown' | 'json',
): DraftProblem[] {
  return issues.flatMap((issue) => {
    const segments = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const path = [...segments, key];
        return { path: path.join('.'), line: lineOf(lines, path), message: unknownFieldMessage(segments.join('.'), key, format) };
      });
    }
    return [{ path: segments.join('.'), line: lineOfIssue(issue, lines, segments, format), message: issue.message }];
  });
}

/** Sorts problems by line (unlocated last), keeping the order of equals. */
export function sortProblems(problems: readonly DraftProblem[]): DraftProblem[] {
  return [...problems].sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}

/**
 * Renders problems one per line as `file:line: path: message`, leaving out the
 * line or path when a problem has none, e.g. `drafts/x.md:3: title: Required`.
 */
export function formatProblems(fileName: string, errors: readonly DraftProblem[]): string {
  const file = oneLine(fileName);
  return errors
    .map((problem) => {
      const where = problem.line === undefined ? file : `${file}:${problem.line}`;
      const field = problem.path === '' ? '' : `${oneLine(problem.path)}: `;
      return `${where}: ${field}${oneLine(problem.message)}`;
    })
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s*[\n\r\u2028\u2029]\s*/gu, ' ').replace(/\p{Cc}/gu, '?');
}

/** The line of an issue; in a Markdown body, the line of the character it names (the issue's `lineOffset`). */
function lineOfIssue(
  issue: z.core.$ZodIssue,
  lines: ReadonlyMap<string, number>,
  segments: readonly string[],
  format: 'markdown' | 'json',
): number | undefined {
  const line = lineOf(lines, segments);
  const offset = issue.code === 'custom' ? issue.params?.lineOffset : undefined;
  if (line === undefined || format !== 'markdown' || segments.join('.') !== 'body' || typeof offset !== 'number') return line;
  return line + offset;
}

function lineOf(lines: ReadonlyMap<string, number>, segments: readonly string[]): number | undefined {
  for (let length = segments.length; length > 0; length -= 1) {
    const line = lines.get(segments.slice(0, length).join('.'));
    if (line !== undefined) return line;
  }
  return undefined;
}

function unknownFieldMessage(parent: string, key: string, format: 'markdown' | 'json'): string {
  const known = (KNOWN_FIELDS[parent] ?? []).filter((name) => !(parent === '' && name === 'body' && format === 'markdown'));
  const close = known.find((name) => editDistance(name.toLowerCase(), key.toLowerCase()) <= 2);
  const hint = close ? `did you mean "${close}"?` : `allowed: ${known.join(', ')}`;
  return `Unknown field "${key}"; ${hint}`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
