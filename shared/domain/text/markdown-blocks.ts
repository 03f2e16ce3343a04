import { parseLinkDestination, parseLinkTitle, isAllowedLinkTarget, normalizeLinkLabel } from './markdown-links';

/** Where a leaf block of prose sits in the document; see {@link MarkdownLeaf}. */
export type MarkdownLeafKind = 'heading' | 'paragraph' | 'list-item' | 'quote';

/** A leaf block holding prose: its still-unparsed inline source and what it was. */
export interface MarkdownLeaf {
  /** `heading`, else `list-item` inside any list, else `quote` inside a block quote, else `paragraph`. */
  readonly kind: MarkdownLeafKind;
  /** The inline Markdown of the block, lines joined with `\n`. */
  readonly inline: string;
}

/** The prose blocks of a document and the labels of its link reference definitions. */
export interface MarkdownOutline {
  readonly leaves: MarkdownLeaf[];
  /** Normalized labels (see `normalizeLinkLabel`) of every link reference definition. */
  readonly references: ReadonlySet<string>;
}

type ParentType = 'root' | 'paragraph' | 'reference' | 'blockquote' | 'list' | 'table';
type BlockRule = (s: BlockState, startLine: number, endLine: number, silent: boolean) => boolean;

interface BlockState {
  readonly src: string;
  /** Per line: start offset, end offset (before `\n`), leading whitespace chars, indent in columns. */
  readonly begin: number[];
  readonly end: number[];
  readonly shift: number[];
  readonly indent: number[];
  /** Per line: columns taken by enclosing block quote markers, for tab stops. */
  readonly markerColumns: number[];
  blkIndent: number;
  listIndent: number;
  lineMax: number;
  line: number;
  parentType: ParentType;
  listDepth: number;
  quoteDepth: number;
  readonly leaves: MarkdownLeaf[];
  readonly references: Set<string>;
}

const MAX_NESTING = 100;

/**
 * Splits Markdown into its prose leaf blocks, following the site renderer's block grammar
 * (CommonMark plus GFM tables) with raw HTML enabled. Code blocks, fences, HTML blocks,
 * tables, thematic breaks and link reference definitions yield no leaf.
 *
 * The rules are laid out as markdown-it's (MIT) block rules are (one function per
 * construct, a `silent` probe for interruptions, `blkIndent` for nesting) because
 * plain text must split exactly where the rendered page splits.
 */
export function outlineMarkdown(source: string): MarkdownOutline {
  const src = source.replace(/\r\n?/g, '\n').replace(/\0/g, '\ufffd');
  const s: BlockState = {
    src, begin: [], end: [], shift: [], indent: [], markerColumns: [],
    blkIndent: 0, listIndent: -1, lineMax: 0, line: 0, parentType: 'root',
    listDepth: 0, quoteDepth: 0, leaves: [], references: new Set(),
  };
  let start = 0;
  while (start < src.length) {
    const newline = src.indexOf('\n', start);
    const end = newline < 0 ? src.length : newline;
    let pos = start;
    let columns = 0;
    while (pos < end && (src[pos] === ' ' || src[pos] === '\t')) {
      columns += src[pos] === '\t' ? 4 - (columns % 4) : 1;
      pos++;
    }
    s.begin.push(start); s.end.push(end); s.shift.push(pos - start); s.indent.push(columns); s.markerColumns.push(0);
    start = end + 1;
  }
  s.begin.push(src.length); s.end.push(src.length); s.shift.push(0); s.indent.push(0); s.markerColumns.push(0);
  s.lineMax = s.begin.length - 1;
  tokenize(s, 0, s.lineMax, 0);
  return { leaves: s.leaves, references: s.references };
}

function tokenize(s: BlockState, startLine: number, endLine: number, depth: number): void {
  let line = startLine;
  while (line < endLine) {
    s.line = line = skipEmptyLines(s, line);
    if (line >= endLine || s.indent[line]! < s.blkIndent) break;
    if (depth >= MAX_NESTING) { s.line = endLine; break; }
    for (const rule of RULES) {
      if (rule(s, line, endLine, false)) break;
    }
    line = s.line;
    if (line < endLine && isEmpty(s, line)) s.line = ++line;
  }
  function skipEmptyLines(st: BlockState, from: number): number {
    while (from < st.lineMax && isEmpty(st, from)) from++;
    return from;
  }
}

function isEmpty(s: BlockState, line: number): boolean {
  return s.begin[line]! + s.shift[line]! >= s.end[line]!;
}

function lineText(s: BlockState, line: number): string {
  return s.src.slice(s.begin[line]! + s.shift[line]!, s.end[line]);
}

function tooIndented(s: BlockState, line: number): boolean {
  return s.indent[line]! - s.blkIndent >= 4;
}

function emit(s: BlockState, inline: string, heading: boolean): void {
  const kind: MarkdownLeafKind = heading ? 'heading' : s.listDepth > 0 ? 'list-item' : s.quoteDepth > 0 ? 'quote' : 'paragraph';
  s.leaves.push({ kind, inline });
}

function terminates(s: BlockState, rules: readonly BlockRule[], line: number, endLine: number, parent: ParentType): boolean {
  const oldParent = s.parentType;
  s.parentType = parent;
  const result = rules.some((rule) => rule(s, line, endLine, true));
  s.parentType = oldParent;
  return result;
}

function splitTableRow(row: string): string[] {
  const cells: string[] = [];
  let current = '';
  let escaped = false;
  for (const ch of row) {
    if (ch === '|' && !escaped) { cells.push(current); current = ''; }
    else current += ch;
    escaped = ch === '\\';
  }
  cells.push(current);
  if (cells.length > 0 && cells[0] === '') cells.shift();
  if (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

const table: BlockRule = (s, startLine, endLine, silent) => {
  if (startLine + 2 > endLine) return false;
  const next = startLine + 1;
  if (s.indent[next]! < s.blkIndent || tooIndented(s, next)) return false;
  const delimiter = lineText(s, next);
  if (!/^[|:-][|:\-\s]/.test(delimiter) || /^-\s/.test(delimiter) || !/^[|:\-\s]*$/.test(delimiter)) return false;
  const columns = delimiter.split('|');
  let alignCount = 0;
  for (let i = 0; i < columns.length; i++) {
    const cell = columns[i]!.trim();
    if (cell === '') {
      if (i === 0 || i === columns.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(cell)) return false;
    alignCount++;
  }
  const header = lineText(s, startLine).trim();
  if (!header.includes('|') || tooIndented(s, startLine)) return false;
  const headerCells = splitTableRow(header).length;
  if (headerCells === 0 || headerCells !== alignCount) return false;
  if (silent) return true;
  let line = startLine + 2;
  for (; line < endLine; line++) {
    if (s.indent[line]! < s.blkIndent) break;
    if (terminates(s, QUOTE_TERMINATORS, line, endLine, 'table')) break;
    if (lineText(s, line).trim() === '' || tooIndented(s, line)) break;
  }
  s.line = line;
  return true;
};

const indentedCode: BlockRule = (s, startLine, endLine) => {
  if (s.indent[startLine]! - s.blkIndent < 4) return false;
  let line = startLine + 1;
  let last = line;
  while (line < endLine) {
    if (isEmpty(s, line)) { line++; continue; }
    if (!tooIndented(s, line)) break;
    last = ++line;
  }
  s.line = last;
  return true;
};

const fence: BlockRule = (s, startLine, endLine, silent) => {
  if (tooIndented(s, startLine)) return false;
  const opening = /^(`{3,}|~{3,})(.*)$/.exec(lineText(s, startLine));
  if (!opening) return false;
  const marker = opening[1]!;
  if (marker[0] === '`' && opening[2]!.includes('`')) return false;
  if (silent) return true;
  let line = startLine;
  let closed = false;
  while (++line < endLine) {
    const text = lineText(s, line);
    if (text !== '' && s.indent[line]! < s.blkIndent) break;
    if (text[0] !== marker[0] || tooIndented(s, line)) continue;
    const run = text.length - text.replace(new RegExp(`^\\${marker[0]}+`), '').length;
    if (run >= marker.length && /^[ \t]*$/.test(text.slice(run))) { closed = true; break; }
  }
  s.line = line + (closed ? 1 : 0);
  return true;
};

const blockquote: BlockRule = (s, startLine, endLine, silent) => {
  if (tooIndented(s, startLine) || s.src[s.begin[startLine]! + s.shift[startLine]!] !== '>') return false;
  if (silent) return true;
  const saved: Array<[number, number, number, number, number]> = [];
  const save = (line: number): void => {
    saved.push([s.begin[line]!, s.shift[line]!, s.indent[line]!, s.markerColumns[line]!, line]);
  };
  const oldLineMax = s.lineMax;
  const oldParent = s.parentType;
  s.parentType = 'blockquote';
  let lastLineEmpty = false;
  let line = startLine;
  for (; line < endLine; line++) {
    const outdented = s.indent[line]! < s.blkIndent;
    let pos = s.begin[line]! + s.shift[line]!;
    const max = s.end[line]!;
    if (pos >= max) break;
    if (s.src[pos] === '>' && !outdented) {
      pos++;
      let initial = s.indent[line]! + 1;
      let adjustTab = false;
      const spaceAfterMarker = s.src[pos] === ' ' || s.src[pos] === '\t';
      if (s.src[pos] === ' ') { pos++; initial++; }
      else if (s.src[pos] === '\t') {
        if ((s.markerColumns[line]! + initial) % 4 === 3) { pos++; initial++; } else adjustTab = true;
      }
      let offset = initial;
      save(line);
      s.begin[line] = pos;
      while (pos < max && (s.src[pos] === ' ' || s.src[pos] === '\t')) {
        offset += s.src[pos] === '\t' ? 4 - ((offset + s.markerColumns[line]! + (adjustTab ? 1 : 0)) % 4) : 1;
        pos++;
      }
      lastLineEmpty = pos >= max;
      s.markerColumns[line] = s.indent[line]! + 1 + (spaceAfterMarker ? 1 : 0);
      s.indent[line] = offset - initial;
      s.shift[line] = pos - s.begin[line]!;
      continue;
    }
    if (lastLineEmpty) break;
    if (terminates(s, QUOTE_TERMINATORS, line, endLine, 'blockquote')) {
      s.lineMax = line;
      if (s.blkIndent !== 0) {
        save(line);
        s.indent[line]! -= s.blkIndent;
      }
      break;
    }
    save(line);
    // a lazy continuation line: only a paragraph may take it
    s.indent[line] = -1;
  }
  const oldIndent = s.blkIndent;
  s.blkIndent = 0;
  s.quoteDepth++;
  tokenize(s, startLine, line, s.quoteDepth + s.listDepth);
  s.quoteDepth--;
  s.lineMax = oldLineMax;
  s.parentType = oldParent;
  for (const [begin, shift, indent, markerColumns, at] of saved) {
    s.begin[at] = begin; s.shift[at] = shift; s.indent[at] = indent; s.markerColumns[at] = markerColumns;
  }
  s.blkIndent = oldIndent;
  return true;
};

const thematicBreak: BlockRule = (s, startLine, _endLine, silent) => {
  if (tooIndented(s, startLine)) return false;
  const text = lineText(s, startLine);
  const marker = text[0];
  if (marker !== '*' && marker !== '-' && marker !== '_') return false;
  let count = 0;
  for (const ch of text) {
    if (ch === marker) count++;
    else if (ch !== ' ' && ch !== '\t') return false;
  }
  if (count < 3) return false;
  if (!silent) s.line = startLine + 1;
  return true;
};

/** Offset just past a list marker and its kind, or undefined when the line has none. */
function listMarker(s: BlockState, line: number): { after: number; ordered: boolean; char: string; value: number } | undefined {
  const start = s.begin[line]! + s.shift[line]!;
  const max = s.end[line]!;
  const match = /^(?:([*+-])|(\d{1,9})([.)]))/.exec(s.src.slice(start, max));
  if (!match) return undefined;
  const after = start + match[0].length;
  if (after < max && s.src[after] !== ' ' && s.src[after] !== '\t') return undefined;
  if (match[1] !== undefined) return { after, ordered: false, char: match[1], value: 0 };
  return { after, ordered: true, char: match[3]!, value: Number(match[2]) };
}

const list: BlockRule = (s, startLine, endLine, silent) => {
  if (tooIndented(s, startLine)) return false;
  if (s.listIndent >= 0 && s.indent[startLine]! - s.listIndent >= 4 && s.indent[startLine]! < s.blkIndent) return false;
  const interruptsParagraph = silent && s.parentType === 'paragraph' && s.indent[startLine]! >= s.blkIndent;
  let marker = listMarker(s, startLine);
  if (!marker) return false;
  if (interruptsParagraph) {
    if (marker.ordered && marker.value !== 1) return false;
    if (/^[ \t]*$/.test(s.src.slice(marker.after, s.end[startLine]))) return false;
  }
  if (silent) return true;
  const { ordered, char } = marker;
  const oldParent = s.parentType;
  s.parentType = 'list';
  let line = startLine;
  while (line < endLine) {
    const max = s.end[line]!;
    let pos = marker.after;
    const initial = s.indent[line]! + pos - (s.begin[line]! + s.shift[line]!);
    let offset = initial;
    while (pos < max && (s.src[pos] === ' ' || s.src[pos] === '\t')) {
      offset += s.src[pos] === '\t' ? 4 - ((offset + s.markerColumns[line]!) % 4) : 1;
      pos++;
    }
    const contentStart = pos;
    let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
    if (indentAfterMarker > 4) indentAfterMarker = 1;
    const oldShift = s.shift[line]!;
    const oldIndent = s.indent[line]!;
    const oldListIndent = s.listIndent;
    s.listIndent = s.blkIndent;
    s.blkIndent = initial + indentAfterMarker;
    s.shift[line] = contentStart - s.begin[line]!;
    s.indent[line] = offset;
    s.listDepth++;
    if (contentStart >= max && isEmpty(s, line + 1)) s.line = Math.min(s.line + 2, endLine);
    else tokenize(s, line, endLine, s.quoteDepth + s.listDepth);
    s.listDepth--;
    s.blkIndent = s.listIndent;
    s.listIndent = oldListIndent;
    s.shift[line] = oldShift;
    s.indent[line] = oldIndent;
    line = s.line;
    if (line >= endLine || s.indent[line]! < s.blkIndent || tooIndented(s, line)) break;
    if (terminates(s, LIST_TERMINATORS, line, endLine, 'list')) break;
    const next = listMarker(s, line);
    if (!next || next.ordered !== ordered || next.char !== char) break;
    marker = next;
  }
  s.line = line;
  s.parentType = oldParent;
  return true;
};

/** The lines a reference definition starting at `startLine` may span, joined with `\n`. */
function referenceCandidate(s: BlockState, startLine: number, endLine: number): string {
  const lines = [lineText(s, startLine)];
  for (let line = startLine + 1; line < s.lineMax && !isEmpty(s, line); line++) {
    const continuation = s.indent[line]! - s.blkIndent > 3 || s.indent[line]! < 0;
    if (!continuation && terminates(s, PARAGRAPH_TERMINATORS, line, endLine, 'reference')) break;
    lines.push(lineText(s, line));
  }
  return lines.join('\n');
}

const reference: BlockRule = (s, startLine, endLine, silent) => {
  if (tooIndented(s, startLine) || s.src[s.begin[startLine]! + s.shift[startLine]!] !== '[') return false;
  const text = referenceCandidate(s, startLine, endLine);
  let pos = 1;
  while (pos < text.length && text[pos] !== ']') {
    if (text[pos] === '[') return false;
    pos += text[pos] === '\\' ? 2 : 1;
  }
  const labelEnd = pos;
  if (labelEnd >= text.length || text[labelEnd + 1] !== ':' || labelEnd > 1000) return false;
  const label = normalizeLinkLabel(text.slice(1, labelEnd));
  if (label === '') return false;
  pos = skipWhitespace(text, labelEnd + 2);
  const lineEnd = text.indexOf('\n', pos);
  const destination = parseLinkDestination(text, pos, lineEnd < 0 ? text.length : lineEnd + 1);
  if (!destination || !isAllowedLinkTarget(destination.target)) return false;
  // an escaped line break may end the destination: the definition then ends with its line
  const endsLine = text[destination.end - 1] === '\n';
  const destinationEnd = endsLine ? destination.end - 1 : destination.end;
  pos = endsLine ? destinationEnd : skipWhitespace(text, destinationEnd);
  const title = pos !== destinationEnd ? parseLinkTitle(text, pos, text.length) : undefined;
  let end = title ? title.end : destinationEnd;
  end = skipSpaces(text, end);
  if (end < text.length && text[end] !== '\n') {
    if (!title || title.target === '') return false;
    end = skipSpaces(text, destinationEnd);
    if (end < text.length && text[end] !== '\n') return false;
  }
  if (silent) return true;
  s.references.add(label);
  s.line = startLine + text.slice(0, end).split('\n').length;
  return true;
};

function skipWhitespace(text: string, pos: number): number {
  while (pos < text.length && /[ \t\n]/.test(text[pos]!)) pos++;
  return pos;
}

function skipSpaces(text: string, pos: number): number {
  while (pos < text.length && (text[pos] === ' ' || text[pos] === '\t')) pos++;
  return pos;
}

const BLOCK_TAGS = new Set(
  ('address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt ' +
    'fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link ' +
    'main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead ' +
    'title tr track ul').split(' '),
);

const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const OPEN_OR_CLOSE_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)\\s*$`);

/** The HTML block kinds: how one starts, what ends it, and whether it may interrupt a paragraph. */
const HTML_BLOCKS: ReadonlyArray<{ start: (line: string) => boolean; end: RegExp; interrupts: boolean }> = [
  { start: (l) => /^<(script|pre|style|textarea)(?=(\s|>|$))/i.test(l), end: /<\/(script|pre|style|textarea)>/i, interrupts: true },
  { start: (l) => l.startsWith('<!--'), end: /-->/, interrupts: true },
  { start: (l) => l.startsWith('<?'), end: /\?>/, interrupts: true },
  { start: (l) => /^<![A-Za-z]/.test(l), end: />/, interrupts: true },
  { start: (l) => l.startsWith('<![CDATA['), end: /\]\]>/, interrupts: true },
  { start: (l) => BLOCK_TAGS.has(/^<\/?([A-Za-z][A-Za-z0-9]*)(?=\s|\/?>|$)/.exec(l)?.[1]?.toLowerCase() ?? ''), end: /^$/, interrupts: true },
  { start: (l) => OPEN_OR_CLOSE_TAG.test(l), end: /^$/, interrupts: false },
];

const htmlBlock: BlockRule = (s, startLine, endLine, silent) => {
  if (tooIndented(s, startLine)) return false;
  const first = lineText(s, startLine);
  if (first[0] !== '<') return false;
  const kind = HTML_BLOCKS.find((k) => k.start(first));
  if (!kind) return false;
  if (silent) return kind.interrupts;
  let line = startLine + 1;
  const endsOnBlankLine = kind.end.test('');
  if (!kind.end.test(first)) {
    for (; line < endLine; line++) {
      if (s.indent[line]! < s.blkIndent && (endsOnBlankLine || !isEmpty(s, line))) break;
      const text = lineText(s, line);
      if (kind.end.test(text)) {
        if (text.length !== 0) line++;
        break;
      }
    }
  }
  s.line = line;
  return true;
};

const atxHeading: BlockRule = (s, startLine, _endLine, silent) => {
  if (tooIndented(s, startLine)) return false;
  const match = /^#{1,6}(?=[ \t]|$)/.exec(lineText(s, startLine));
  if (!match) return false;
  if (silent) return true;
  let content = lineText(s, startLine).slice(match[0].length).replace(/[ \t]+$/, '');
  const closing = /(^|[ \t])#+$/.exec(content);
  if (closing) content = content.slice(0, closing.index + closing[1]!.length);
  emit(s, content.trim(), true);
  s.line = startLine + 1;
  return true;
};

function paragraphExtent(s: BlockState, startLine: number, endLine: number, onLine?: (line: number) => boolean): number {
  let line = startLine + 1;
  for (; line < endLine && !isEmpty(s, line); line++) {
    if (s.indent[line]! - s.blkIndent > 3) continue;
    if (onLine?.(line)) break;
    if (s.indent[line]! < 0) continue;
    if (terminates(s, PARAGRAPH_TERMINATORS, line, endLine, 'paragraph')) break;
  }
  return line;
}

/** Lines `from`…`to` less the container's indentation; deeper indentation matters inside code spans. */
function linesText(s: BlockState, from: number, to: number): string {
  const lines: string[] = [];
  for (let line = from; line < to; line++) {
    const begin = s.begin[line]!;
    let pos = begin;
    let columns = 0;
    while (pos < s.end[line]! && columns < s.blkIndent) {
      const ch = s.src[pos];
      if (ch === '\t') columns += 4 - ((columns + s.markerColumns[line]!) % 4);
      else if (ch === ' ' || pos - begin < s.shift[line]!) columns++;
      else break;
      pos++;
    }
    lines.push(' '.repeat(Math.max(0, columns - s.blkIndent)) + s.src.slice(pos, s.end[line]));
  }
  return lines.join('\n').trim();
}

const setextHeading: BlockRule = (s, startLine, endLine) => {
  if (tooIndented(s, startLine)) return false;
  let underlined = false;
  const line = paragraphExtent(s, startLine, endLine, (at) => {
    underlined = s.indent[at]! >= s.blkIndent && /^(?:=+|-+)[ \t]*$/.test(lineText(s, at));
    return underlined;
  });
  if (!underlined) return false;
  emit(s, linesText(s, startLine, line), true);
  s.line = line + 1;
  return true;
};

const paragraph: BlockRule = (s, startLine, endLine) => {
  const line = paragraphExtent(s, startLine, endLine);
  emit(s, linesText(s, startLine, line), false);
  s.line = line;
  return true;
};

const PARAGRAPH_TERMINATORS: readonly BlockRule[] = [table, fence, blockquote, thematicBreak, list, htmlBlock, atxHeading];
const QUOTE_TERMINATORS: readonly BlockRule[] = [fence, blockquote, thematicBreak, list, htmlBlock, atxHeading];
const LIST_TERMINATORS: readonly BlockRule[] = [fence, blockquote, thematicBreak];
const RULES: readonly BlockRule[] = [
  table, indentedCode, fence, blockquote, thematicBreak, list, reference, htmlBlock, atxHeading, setextHeading, paragraph,
];
