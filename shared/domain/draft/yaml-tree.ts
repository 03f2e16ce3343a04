/** Reads a YAML (or JSON) text into plain data, remembering the file line of every field. */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, visit } from 'yaml';
import type { DraftProblem } from '../article';

/** Most alias expansions yaml may perform; far above any honest draft, far below an alias bomb. */
export const MAX_ALIAS_COUNT = 50;
const MAX_DEPTH = 16;
const MAX_NODES = 100_000;

/** Keys that could reach an object's prototype; refused at every level. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The data of a YAML text, or the problems that prevented reading it. */
export interface YamlTree {
  /** Plain data (objects, arrays, strings, booleans, null); numbers keep their source text. */
  readonly value: unknown;
  /** File line of each field, by dotted path (`image.alt`, `tags.2`). */
  readonly lines: ReadonlyMap<string, number>;
  readonly problems: readonly DraftProblem[];
}

interface WalkState {
  readonly lines: Map<string, number>;
  readonly problems: DraftProblem[];
  readonly anchors: Map<Node, Node | undefined>;
  readonly lineOf: (offset: number) => number;
  nodes: number;
}

class TooComplexError extends Error {}

/**
 * Parses `source` as one YAML 1.2 document (core schema, unique keys, no merge keys).
 * `lineOffset` is added to every line so that lines are the file's, e.g. 1 for
 * front matter that follows a `---` line. `syntax` names the format in messages.
 * Never throws: syntax errors, duplicate keys, alias bombs and keys such as
 * `__proto__` come back as problems.
 */
export function readYamlTree(source: string, lineOffset: number, syntax: 'YAML' | 'JSON'): YamlTree {
  const lineCounter = new LineCounter();
  const lineOf = (offset: number): number => lineCounter.linePos(offset).line + lineOffset;
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, merge: false });
  const empty = { value: undefined, lines: new Map<string, number>() };

  if (doc.errors.length > 0) {
    return {
      ...empty,
      problems: doc.errors.map((error) => ({
        path: '',
        line: lineOf(error.pos[0]),
        message:
          error.code === 'DUPLICATE_KEY'
            ? `Duplicate field "${keyAt(source, error.pos[0])}": give each field once`
            : `Invalid ${syntax}: ${error.message}`,
      })),
    };
  }

  try {
    // Run only for yaml's alias-bomb check; mapAsMap avoids its warning about collection keys.
    doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...empty, problems: [{ path: '', message: `Invalid ${syntax}: ${reason}` }] };
  }

  const state: WalkState = { lines: new Map(), problems: [], anchors: resolveAliases(doc), lineOf, nodes: 0 };
  try {
    const value = doc.contents === null ? {} : walk(doc.contents, '', 0, state);
    return { value, lines: state.lines, problems: state.problems };
  } catch (error) {
    if (!(error instanceof TooComplexError)) throw error;
    return { ...empty, problems: [{ path: '', message: error.message }] };
  }
}

/** The (unquoted) key written at `offset`, for messages. */
function keyAt(source: string, offset: number): string {
  const written = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^:\n]*))/.exec(source.slice(offset, offset + 200));
  return (written?.[1] ?? written?.[2] ?? written?.[3] ?? '').trim();
}

/** Maps each alias to the node it names: the last anchor of that name before it. */
function resolveAliases(doc: Document): Map<Node, Node | undefined> {
  const latest = new Map<string, Node>();
  const resolved = new Map<Node, Node | undefined>();
  visit(doc, {
    Node: (_key, node) => {
      if (isAlias(node)) resolved.set(node, latest.get(node.source));
      else if (node.anchor) latest.set(node.anchor, node);
    },
  });
  return resolved;
}

function childPath(parent: string, key: string | number): string {
  return parent === '' ? String(key) : `${parent}.${key}`;
}

function walk(node: Node, path: string, depth: number, state: WalkState): unknown {
  state.nodes += 1;
  if (depth > MAX_DEPTH) throw new TooComplexError(`Fields are nested too deeply (more than ${MAX_DEPTH} levels)`);
  if (state.nodes > MAX_NODES) throw new TooComplexError(`Too many values (more than ${MAX_NODES})`);

  if (isAlias(node)) {
    const target = state.anchors.get(node);
    if (!target) throw new TooComplexError(`Unresolved alias *${node.source}`);
    return walk(target, path, depth + 1, state);
  }
  if (isScalar(node)) {
    // Numbers keep their source text: a draft has no numeric fields, and `1.10` must stay `1.10`.
    if (typeof node.value === 'number' || typeof node.value === 'bigint') return node.source ?? String(node.value);
    return node.value;
  }
  if (isSeq(node)) {
    return node.items.map((item, index) => {
      const itemPath = childPath(path, index);
      const range = (item as Node | null)?.range;
      if (range && !state.lines.has(itemPath)) state.lines.set(itemPath, state.lineOf(range[0]));
      return item === null ? null : walk(item as Node, itemPath, depth + 1, state);
    });
  }
  if (isMap(node)) {
    const fields: Record<string, unknown> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const line = keyNode?.range ? state.lineOf(keyNode.range[0]) : undefined;
      if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
        state.problems.push({ path, line, message: 'A field name must be plain text' });
        continue;
      }
      const key = typeof keyNode.value === 'string' ? keyNode.value : (keyNode.source ?? String(keyNode.value));
      const fieldPath = childPath(path, key);
      if (FORBIDDEN_KEYS.has(key)) {
        state.problems.push({ path: fieldPath, line, message: `Field name "${key}" is not allowed` });
        continue;
      }
      if (Object.hasOwn(fields, key)) {
        state.problems.push({ path: fieldPath, line, message: `Duplicate field "${key}": give each field once` });
        continue;
      }
      if (line !== undefined && !state.lines.has(fieldPath)) state.lines.set(fieldPath, line);
      const value = pair.value === null ? null : walk(pair.value as Node, fieldPath, depth + 1, state);
      Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return fields;
  }
  throw new TooComplexError('Unsupported YAML node');
}
