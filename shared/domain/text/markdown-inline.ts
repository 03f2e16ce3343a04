import { namedEntity, numericEntity } from './html-entities';
import { isAllowedLinkTarget, isEscapable, normalizeLinkLabel, parseLinkDestination, parseLinkTitle } from './markdown-links';

/** A run of `*`, `_` or `~~` that may open or close emphasis; `part` is its slot in the output. */
interface Delimiter {
  readonly marker: string;
  /** Length of the whole run, for the "multiple of 3" rule; 0 for strikethrough. */
  readonly length: number;
  readonly part: number;
  open: boolean;
  close: boolean;
  end: number;
}

interface LinkSpan {
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly end: number;
}

const AUTOLINK = /^[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^<>\x00-\x20]*$/;
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`;
const HTML_TAG = new RegExp(`^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)`);
const NUMERIC_ENTITY = /^&#(x[a-f0-9]{1,6}|[0-9]{1,7});/i;
const NAMED_ENTITY = /^&([a-z][a-z0-9]{1,31});/i;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * The plain text of a block's inline Markdown, following the site renderer's inline grammar:
 * emphasis, strong and `~~strikethrough~~` markers paired by the CommonMark delimiter rules
 * are removed (unpaired ones stay literal), code spans keep their content, backslash escapes
 * and entities are resolved (named ones only from `html-entities`), links and autolinks keep
 * their text, and images and raw HTML add nothing. Line breaks become a space.
 *
 * @param references normalized labels of the document's link reference definitions
 */
export function inlineToPlain(src: string, references: ReadonlySet<string>): string {
  return new InlineScanner(src, references).plain(0, src.length);
}

class InlineScanner {
  private unclosedSpecial = false;

  constructor(
    private readonly src: string,
    private readonly references: ReadonlySet<string>,
  ) {}

  plain(start: number, max: number): string {
    const { src } = this;
    const parts: string[] = [];
    const delimiters: Delimiter[] = [];
    let pending = '';
    const push = (text: string): void => {
      if (pending !== '') parts.push(pending);
      pending = '';
      parts.push(text);
    };
    let pos = start;
    while (pos < max) {
      const ch = src[pos]!;
      if (ch === '\n') {
        push(' ');
        pos++;
        while (pos < max && src[pos] === ' ') pos++;
      } else if (ch === '\\' && pos + 1 < max && (src[pos + 1] === '\n' || isEscapable(src[pos + 1]))) {
        push(src[pos + 1] === '\n' ? ' ' : src[pos + 1]!);
        pos += 2;
      } else if (ch === '`') {
        const span = this.codeSpan(pos, max);
        if (span.content !== undefined) push(span.content);
        else pending += src.slice(pos, span.end);
        pos = span.end;
      } else if (ch === '*' || ch === '_' || (ch === '~' && src[pos + 1] === '~')) {
        const run = this.scanDelimiterRun(pos, max);
        let length = run.count;
        if (ch === '~' && length % 2 === 1) { push('~'); length--; }
        const step = ch === '~' ? 2 : 1;
        for (let i = 0; i < length; i += step) {
          push(ch.repeat(step));
          delimiters.push({ marker: ch, length: ch === '~' ? 0 : run.count, part: parts.length - 1, open: run.canOpen, close: run.canClose, end: -1 });
        }
        pos += run.count;
      } else {
        const token = ch === '[' || ch === '!' || ch === '<' || ch === '&' ? this.atom(pos, max) : undefined;
        if (token) {
          push(token.text);
          pos = token.end;
          continue;
        }
        pending += ch;
        pos++;
      }
    }
    if (pending !== '') parts.push(pending);
    pairDelimiters(delimiters);
    for (const opener of delimiters) {
      if (opener.end < 0) continue;
      parts[opener.part] = '';
      parts[delimiters[opener.end]!.part] = '';
    }
    return parts.join('');
  }

  /** A link, image, autolink, inline HTML tag or entity at `pos`: its plain text and end. */
  private atom(pos: number, max: number): { text: string; end: number } | undefined {
    const { src } = this;
    const ch = src[pos];
    if (ch === '[') {
      const link = this.link(pos, max, true);
      return link && { text: this.plain(link.labelStart, link.labelEnd), end: link.end };
    }
    if (ch === '!') {
      const end = src[pos + 1] === '[' ? this.image(pos, max) : undefined;
      return end === undefined ? undefined : { text: '', end };
    }
    if (ch === '<') {
      const auto = this.autolink(pos, max);
      if (auto) return auto;
      const end = this.htmlEnd(pos, max);
      return end === undefined ? undefined : { text: '', end };
    }
    return this.entity(pos, max);
  }

  /** Where the token at `pos` ends, when scanning ahead for the `]` of a link label. */
  private skipToken(pos: number, max: number): number {
    const { src } = this;
    const ch = src[pos];
    if (ch === '\\' && pos + 1 < max && (src[pos + 1] === '\n' || isEscapable(src[pos + 1]))) return pos + 2;
    if (ch === '`') return this.codeSpan(pos, max).end;
    if (ch === '[' || ch === '!' || ch === '<' || ch === '&') return this.atomEnd(pos, max) ?? pos + 1;
    return pos + 1;
  }

  /** The end of the inline HTML (tag, comment, processing instruction, declaration, CDATA) at `pos`. */
  private htmlEnd(pos: number, max: number): number | undefined {
    const { src } = this;
    if (pos + 2 >= max) return undefined;
    const next = src[pos + 1]!;
    if (next === '/' || /[A-Za-z]/.test(next)) {
      const tag = HTML_TAG.exec(src.slice(pos));
      return tag ? pos + tag[0].length : undefined;
    }
    let start: number;
    let terminator: string;
    if (src.startsWith('<!--', pos)) {
      if (src.startsWith('>', pos + 4)) return pos + 5;
      if (src.startsWith('->', pos + 4)) return pos + 6;
      [start, terminator] = [pos + 4, '-->'];
    } else if (src.startsWith('<![CDATA[', pos)) [start, terminator] = [pos + 9, ']]>'];
    else if (next === '?') [start, terminator] = [pos + 2, '?>'];
    else if (next === '!' && /[A-Za-z]/.test(src[pos + 2]!)) [start, terminator] = [pos + 3, '>'];
    else return undefined;
    // the site renderer stops looking for these once one is left open; matching it keeps text and page alike
    if (this.unclosedSpecial) return undefined;
    const end = src.indexOf(terminator, start);
    if (end < 0) {
      this.unclosedSpecial = true;
      return undefined;
    }
    return end + terminator.length;
  }

  private atomEnd(pos: number, max: number): number | undefined {
    const ch = this.src[pos];
    if (ch === '[') return this.link(pos, max, true)?.end;
    if (ch === '!') return this.src[pos + 1] === '[' ? this.image(pos, max) : undefined;
    return this.atom(pos, max)?.end;
  }

  private codeSpan(pos: number, max: number): { content?: string; end: number } {
    const { src } = this;
    let openEnd = pos;
    while (openEnd < max && src[openEnd] === '`') openEnd++;
    const size = openEnd - pos;
    let search = openEnd;
    while (search < max) {
      const closeStart = src.indexOf('`', search);
      if (closeStart < 0 || closeStart >= max) break;
      let closeEnd = closeStart;
      while (closeEnd < max && src[closeEnd] === '`') closeEnd++;
      if (closeEnd - closeStart === size) {
        const content = src.slice(openEnd, closeStart).replace(/\n/g, ' ').replace(/^ (.+) $/, '$1');
        return { content, end: closeEnd };
      }
      search = closeEnd;
    }
    return { end: openEnd };
  }

  private scanDelimiterRun(pos: number, max: number): { count: number; canOpen: boolean; canClose: boolean } {
    const { src } = this;
    const marker = src[pos];
    const before = pos === 0 ? ' ' : charBefore(src, pos);
    let end = pos;
    while (end < max && src[end] === marker) end++;
    const after = end < max ? String.fromCodePoint(src.codePointAt(end)!) : ' ';
    const beforePunct = PUNCTUATION.test(before);
    const afterPunct = PUNCTUATION.test(after);
    const beforeSpace = isWhiteSpace(before);
    const afterSpace = isWhiteSpace(after);
    const leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct);
    const rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct);
    const count = end - pos;
    if (marker !== '_') return { count, canOpen: leftFlanking, canClose: rightFlanking };
    return {
      count,
      canOpen: leftFlanking && (!rightFlanking || beforePunct),
      canClose: rightFlanking && (!leftFlanking || afterPunct),
    };
  }

  /** The offset after `[`…`]` matching the `[` at `start`, or -1; see CommonMark link labels. */
  private labelEnd(start: number, max: number, noNestedLinks: boolean): number {
    let level = 1;
    let pos = start + 1;
    while (pos < max) {
      const ch = this.src[pos];
      if (ch === ']' && --level === 0) return pos;
      const before = pos;
      pos = this.skipToken(pos, max);
      if (ch === '[') {
        if (pos === before + 1) level++;
        else if (noNestedLinks) return -1;
      }
    }
    return -1;
  }

  private link(pos: number, max: number, noNestedLinks: boolean): LinkSpan | undefined {
    const labelEnd = this.labelEnd(pos, max, noNestedLinks);
    if (labelEnd < 0) return undefined;
    const inline = this.inlineTarget(labelEnd + 1, max);
    if (inline === 'malformed') return undefined;
    if (inline?.closed) return { labelStart: pos + 1, labelEnd, end: inline.end };
    const end = this.referenceTarget(pos + 1, labelEnd, inline ? inline.end : labelEnd + 1, max);
    return end === undefined ? undefined : { labelStart: pos + 1, labelEnd, end };
  }

  /** The offset after the image starting with `![` at `pos`, if it is one. */
  private image(pos: number, max: number): number | undefined {
    const labelEnd = this.labelEnd(pos + 1, max, false);
    if (labelEnd < 0) return undefined;
    const inline = this.inlineTarget(labelEnd + 1, max);
    if (inline === 'malformed') return undefined;
    if (inline) return inline.closed ? inline.end : undefined;
    return this.referenceTarget(pos + 2, labelEnd, labelEnd + 1, max);
  }

  /**
   * Parses `(destination "title")` at `pos`: undefined if there is no `(`, `malformed` if
   * nothing follows it, `closed` false (and where a reference label may start) if it does
   * not end with `)`.
   */
  private inlineTarget(pos: number, max: number): { closed: boolean; end: number } | 'malformed' | undefined {
    const { src } = this;
    if (pos >= max || src[pos] !== '(') return undefined;
    pos = skipBlank(src, pos + 1, max);
    if (pos >= max) return 'malformed';
    const destination = parseLinkDestination(src, pos, max);
    if (destination) {
      if (isAllowedLinkTarget(destination.target)) pos = destination.end;
      const afterDestination = pos;
      pos = skipBlank(src, pos, max);
      const title = parseLinkTitle(src, pos, max);
      if (pos < max && afterDestination !== pos && title) pos = skipBlank(src, title.end, max);
    }
    if (pos >= max || src[pos] !== ')') return { closed: false, end: pos + 1 };
    return { closed: true, end: pos + 1 };
  }

  /** The end of a reference link `[text][label]`, `[text][]` or `[text]` whose label is defined. */
  private referenceTarget(labelStart: number, labelEnd: number, pos: number, max: number): number | undefined {
    if (this.references.size === 0) return undefined;
    let label = '';
    if (pos < max && this.src[pos] === '[') {
      const end = this.labelEnd(pos, max, false);
      if (end >= 0) {
        label = this.src.slice(pos + 1, end);
        pos = end + 1;
      } else pos = labelEnd + 1;
    } else pos = labelEnd + 1;
    if (label === '') label = this.src.slice(labelStart, labelEnd);
    return this.references.has(normalizeLinkLabel(label)) ? pos : undefined;
  }

  private autolink(pos: number, max: number): { text: string; end: number } | undefined {
    const close = this.src.indexOf('>', pos + 1);
    if (close < 0 || close >= max) return undefined;
    const url = this.src.slice(pos + 1, close);
    if (url.includes('<')) return undefined;
    if (AUTOLINK.test(url)) return isAllowedLinkTarget(url) ? { text: url, end: close + 1 } : undefined;
    return EMAIL.test(url) ? { text: url, end: close + 1 } : undefined;
  }

  private entity(pos: number, max: number): { text: string; end: number } | undefined {
    if (pos + 1 >= max) return undefined;
    const rest = this.src.slice(pos, max);
    const numeric = NUMERIC_ENTITY.exec(rest);
    if (numeric) {
      const digits = numeric[1]!;
      const code = digits[0] === 'x' || digits[0] === 'X' ? parseInt(digits.slice(1), 16) : parseInt(digits, 10);
      return { text: numericEntity(code), end: pos + numeric[0].length };
    }
    const named = NAMED_ENTITY.exec(rest);
    const text = named ? namedEntity(named[1]!) : undefined;
    return named && text !== undefined ? { text, end: pos + named[0].length } : undefined;
  }
}

function skipBlank(src: string, pos: number, max: number): number {
  while (pos < max && (src[pos] === ' ' || src[pos] === '\t' || src[pos] === '\n')) pos++;
  return pos;
}

function charBefore(src: string, pos: number): string {
  const code = src.charCodeAt(pos - 1);
  if (code >= 0xdc00 && code <= 0xdfff && pos >= 2) {
    const high = src.charCodeAt(pos - 2);
    if (high >= 0xd800 && high <= 0xdbff) return src.slice(pos - 2, pos);
  }
  return src.charAt(pos - 1);
}

function isWhiteSpace(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0xa0 || code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}

/**
 * Pairs emphasis delimiters as CommonMark's "process emphasis" step does, in place: an
 * opener's `end` becomes the index of its closer. Each character of a run is its own
 * delimiter, so `***a***` pairs three times.
 */
function pairDelimiters(delimiters: Delimiter[]): void {
  const openersBottom = new Map<string, number[]>();
  const jumps: number[] = [];
  let headerIdx = 0;
  let lastPart = -2;
  for (let closerIdx = 0; closerIdx < delimiters.length; closerIdx++) {
    const closer = delimiters[closerIdx]!;
    jumps.push(0);
    if (delimiters[headerIdx]!.marker !== closer.marker || lastPart !== closer.part - 1) headerIdx = closerIdx;
    lastPart = closer.part;
    if (!closer.close) continue;
    const bottoms = openersBottom.get(closer.marker) ?? [-1, -1, -1, -1, -1, -1];
    openersBottom.set(closer.marker, bottoms);
    const bottomSlot = (closer.open ? 3 : 0) + (closer.length % 3);
    let openerIdx = headerIdx - jumps[headerIdx]! - 1;
    let newBottom = openerIdx;
    for (; openerIdx > bottoms[bottomSlot]!; openerIdx -= jumps[openerIdx]! + 1) {
      const opener = delimiters[openerIdx]!;
      if (opener.marker !== closer.marker || !opener.open || opener.end >= 0) continue;
      const oddMatch = (opener.close || closer.open) && (opener.length + closer.length) % 3 === 0 &&
        (opener.length % 3 !== 0 || closer.length % 3 !== 0);
      if (oddMatch) continue;
      const lastJump = openerIdx > 0 && !delimiters[openerIdx - 1]!.open ? jumps[openerIdx - 1]! + 1 : 0;
      jumps[closerIdx] = closerIdx - openerIdx + lastJump;
      jumps[openerIdx] = lastJump;
      closer.open = false;
      opener.end = closerIdx;
      opener.close = false;
      newBottom = -1;
      lastPart = -2;
      break;
    }
    if (newBottom !== -1) bottoms[bottomSlot] = newBottom;
  }
}
