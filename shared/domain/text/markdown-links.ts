/** A link destination or title found in Markdown source, and the offset just past it. */
export interface LinkPart {
  /** The destination or title with backslash escapes resolved. */
  readonly target: string;
  readonly end: number;
}

const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Whether `ch` is one of the ASCII punctuation characters a backslash may escape. */
export function isEscapable(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && ESCAPABLE.test(ch);
}

function unescapePunctuation(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Parses a link destination at `pos` (before `max`): `<…>` on one line, or a run without
 * spaces or control characters whose parentheses balance (at most 32 deep).
 */
export function parseLinkDestination(src: string, pos: number, max: number): LinkPart | undefined {
  const start = pos;
  if (src[pos] === '<') {
    for (pos++; pos < max; pos++) {
      const ch = src[pos];
      if (ch === '\n' || ch === '<') return undefined;
      if (ch === '>') return { target: unescapePunctuation(src.slice(start + 1, pos)), end: pos + 1 };
      if (ch === '\\' && pos + 1 < max) pos++;
    }
    return undefined;
  }
  let depth = 0;
  while (pos < max) {
    const code = src.charCodeAt(pos);
    if (code === 0x20 || code < 0x20 || code === 0x7f) break;
    if (code === 0x5c && pos + 1 < max) {
      pos += src[pos + 1] === ' ' ? 1 : 2;
      continue;
    }
    if (code === 0x28) {
      if (++depth > 32) return undefined;
    } else if (code === 0x29) {
      if (depth === 0) break;
      depth--;
    }
    pos++;
  }
  if (pos === start || depth !== 0) return undefined;
  return { target: unescapePunctuation(src.slice(start, pos)), end: pos };
}

/** Parses a link title at `pos` (before `max`): `"…"`, `'…'` or `(…)`, possibly over several lines. */
export function parseLinkTitle(src: string, pos: number, max: number): LinkPart | undefined {
  if (pos >= max) return undefined;
  const open = src[pos];
  if (open !== '"' && open !== "'" && open !== '(') return undefined;
  const close = open === '(' ? ')' : open;
  const start = pos;
  for (pos++; pos < max; pos++) {
    const ch = src[pos];
    if (ch === close) return { target: unescapePunctuation(src.slice(start + 1, pos)), end: pos + 1 };
    if (ch === '(' && open === '(') return undefined;
    if (ch === '\\' && pos + 1 < max) pos++;
  }
  return undefined;
}

/** Whether a link may point at `target`: not a script, file or non-image data URL. */
export function isAllowedLinkTarget(target: string): boolean {
  const url = target.trim().toLowerCase();
  return !/^(vbscript|javascript|file|data):/.test(url) || /^data:image\/(gif|png|jpeg|webp);/.test(url);
}

/** The key a link label is matched by: trimmed, inner whitespace collapsed, case-folded. */
export function normalizeLinkLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase().toUpperCase();
}
