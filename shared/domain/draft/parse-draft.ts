/** Parses and validates a draft file: Markdown with YAML front matter, or JSON. */
import { MAX_DRAFT_BYTES } from '../../../events/names';
import type { DraftContent, DraftProblem } from '../article';
import { decodeDraftBytes } from './decode';
import { splitFrontMatter } from './front-matter';
import { problemsFromIssues, sortProblems } from './problems';
import { draftSchema, MAX_SCHEDULE_DAYS } from './schema';
import { slugify } from './slug';
import { readYamlTree, type YamlTree } from './yaml-tree';

/** A draft file to parse. */
export interface ParseDraftInput {
  /** Object key or file name; its suffix (`.md` or `.json`, any case) picks the format. */
  readonly fileName: string;
  readonly bytes: Uint8Array;
  /** Largest accepted file, checked before decoding. @default MAX_DRAFT_BYTES */
  readonly maxBytes?: number;
  /** The current time (ISO 8601): `publishAt` may be at most {@link MAX_SCHEDULE_DAYS} after it. @default the clock's */
  readonly now?: string;
}

/** The validated draft, or every problem found, each with its field path and file line when known. */
export type ParseDraftResult = { readonly ok: true; readonly draft: DraftContent } | { readonly ok: false; readonly errors: DraftProblem[] };

type DraftFormat = 'markdown' | 'json';

/**
 * Parses a draft and validates it against {@link draftSchema}. Never throws:
 * an empty, oversize, binary or non-UTF-8 file, bad YAML or JSON, missing or
 * unterminated front matter, duplicate or unknown fields, prototype keys and
 * invalid values all come back as problems, sorted by line, as does a
 * `publishAt` more than {@link MAX_SCHEDULE_DAYS} after `now`. On success the
 * slug is the draft's own or {@link slugify} of the title.
 */
export function parseDraft(input: ParseDraftInput): ParseDraftResult {
  const format = formatOf(input.fileName);
  if (!format) return failed([{ path: '', message: 'Unsupported draft file: the name must end in .md or .json' }]);

  const decoded = decodeDraftBytes(input.bytes, input.maxBytes ?? MAX_DRAFT_BYTES);
  if (!decoded.ok) return failed([decoded.problem]);

  const read = format === 'markdown' ? readMarkdown(decoded.text) : readJson(decoded.text);
  if (!read.ok) return failed(read.problems);

  const parsed = draftSchema.safeParse(read.fields);
  const problems = [...read.problems, ...(parsed.success ? [] : problemsFromIssues(parsed.error.issues, read.lines, format))];
  if (parsed.success) problems.push(...scheduleProblems(parsed.data.publishAt, input.now, read.lines));
  if (!parsed.success || problems.length > 0) return failed(problems);

  const { slug, image, analysis, ...fields } = parsed.data;
  const draft: DraftContent = {
    ...withoutUndefined(fields),
    slug: slug ?? slugify(fields.title),
    ...(image && { image: withoutUndefined(image) }),
    ...(analysis && { analysis: withoutUndefined(analysis) }),
  };
  return { ok: true, draft };
}

const DAY_MS = 86_400_000;

/** A `publishAt` more than {@link MAX_SCHEDULE_DAYS} ahead cannot be scheduled. */
function scheduleProblems(publishAt: string | undefined, now: string | undefined, lines: ReadonlyMap<string, number>): DraftProblem[] {
  if (publishAt === undefined) return [];
  const latest = (now === undefined ? Date.now() : Date.parse(now)) + MAX_SCHEDULE_DAYS * DAY_MS;
  if (Date.parse(publishAt) <= latest) return [];
  return [
    {
      path: 'publishAt',
      line: lines.get('publishAt'),
      message: `Too far ahead: a draft can be scheduled at most ${MAX_SCHEDULE_DAYS} days ahead (until ${new Date(latest).toISOString()})`,
    },
  ];
}

type ReadResult =
  | { readonly ok: true; readonly fields: Record<string, unknown>; readonly lines: ReadonlyMap<string, number>; readonly problems: DraftProblem[] }
  | { readonly ok: false; readonly problems: DraftProblem[] };

function readMarkdown(text: string): ReadResult {
  const split = splitFrontMatter(text);
  if (!split.ok) return { ok: false, problems: [split.problem] };
  const tree = readYamlTree(split.yaml, 1, 'YAML');
  const fields = fieldsOf(tree, 'The front matter must be fields (title: ..., section: ...)');
  if (!fields.ok) return fields;

  const problems = [...tree.problems];
  if (Object.hasOwn(fields.fields, 'body')) {
    problems.push({
      path: 'body',
      line: tree.lines.get('body'),
      message: 'Unknown field "body": in a Markdown draft the body goes after the closing "---" line',
    });
  }
  const lines = new Map(tree.lines);
  lines.set('body', split.bodyLine);
  return { ok: true, fields: { ...fields.fields, body: split.body }, lines, problems };
}

function readJson(text: string): ReadResult {
  try {
    JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [jsonSyntaxProblem(text, error)] };
  }
  // JSON is YAML 1.2, so the YAML reader gives lines and catches duplicate keys, which JSON.parse lets through.
  // Tabs can only be whitespace between JSON tokens, so spaces in their place change no value or line.
  const tree = readYamlTree(text.replace(/\t/g, ' '), 0, 'JSON');
  const fields = fieldsOf(tree, 'A JSON draft must be an object with the fields and a "body"');
  if (!fields.ok) return fields;
  return { ok: true, fields: fields.fields, lines: tree.lines, problems: [...tree.problems] };
}

function fieldsOf(
  tree: YamlTree,
  notAnObject: string,
): { readonly ok: true; readonly fields: Record<string, unknown> } | { readonly ok: false; readonly problems: DraftProblem[] } {
  if (tree.value === undefined) return { ok: false, problems: [...tree.problems] };
  if (typeof tree.value !== 'object' || tree.value === null || Array.isArray(tree.value)) {
    return { ok: false, problems: [...tree.problems, { path: '', message: notAnObject }] };
  }
  return { ok: true, fields: { ...tree.value } };
}

function jsonSyntaxProblem(text: string, error: unknown): DraftProblem {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message)?.[1];
  const offset = position === undefined ? text.length : Number(position);
  const line = text.slice(0, offset).split('\n').length;
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
  return { path: '', line, message: `Invalid JSON: ${reason}` };
}

/** Drops fields that are `undefined`, so stores and serialisers see only what the editor gave. */
function withoutUndefined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as T;
}

function formatOf(fileName: string): DraftFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.md')) return 'markdown';
  if (lower.endsWith('.json')) return 'json';
  return undefined;
}

function failed(problems: readonly DraftProblem[]): ParseDraftResult {
  return { ok: false, errors: sortProblems(problems) };
}
