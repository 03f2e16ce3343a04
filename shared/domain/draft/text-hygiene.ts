/** The characters a draft's text may hold, checked once, when the draft is parsed. */

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage
 * return; lone surrogates; U+FFFE, U+FFFF) and those it discourages and no editor means
 * (DEL, C1 controls, every other noncharacter). Feeds and sitemaps are XML, so none may
 * reach a field.
 */
// Flag `v`, not `u`: V8 builds a class of several \p{…} properties 3-5x faster under it, at every cold start that parses it.
const NOT_XML_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cs}\p{Noncharacter_Code_Point}]/v;

/** The same set plus carriage return and tab, for one-line fields. */
const NOT_XML_LINE = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\p{Cs}\p{Noncharacter_Code_Point}]/v;

/**
 * Invisible characters that change how text reads or compares without showing: zero-width
 * space, word joiner and invisible operators, soft hyphen, byte order mark, Mongolian vowel
 * separator, and the bidirectional marks, embeddings, overrides and isolates. Zero-width
 * joiner and non-joiner are not here: Persian, Indic scripts and emoji sequences need them.
 */
const INVISIBLE = /[\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/gu;

/** In names that become paths, list keys or message attributes, the joiners are invisible too. */
const INVISIBLE_IN_NAME = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/u;

/** A character found where it is not allowed, and on which line of the value (from 0). */
export interface BadCharacter {
  readonly char: string;
  readonly lineOffset: number;
}

/** The first character of multi-line `text` that is not XML text, with its line. */
export function findNonXmlText(text: string): BadCharacter | undefined {
  return locate(text, NOT_XML_TEXT);
}

/** The first control, noncharacter, tab or carriage return in one-line `text`. */
export function findNonXmlLine(text: string): BadCharacter | undefined {
  return locate(text, NOT_XML_LINE);
}

/** The first zero-width or bidirectional control in a one-line field. */
export function findInvisible(text: string, inName: boolean): string | undefined {
  return (inName ? INVISIBLE_IN_NAME : new RegExp(INVISIBLE.source, 'u')).exec(text)?.[0];
}

/** Multi-line text with its zero-width and bidirectional controls removed. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * The canonical form of a section name: NFKC (fullwidth and compatibility forms folded),
 * runs of whitespace as one space, trimmed, and the first letter capitalised, so `world`,
 * `ｗｏｒｌｄ` and ` World ` are the one section `World`.
 */
export function canonicalSectionName(name: string): string {
  const folded = name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
  const first = folded.codePointAt(0);
  if (first === undefined) return folded;
  const head = String.fromCodePoint(first);
  return head.toUpperCase() + folded.slice(head.length);
}

/** A tag name's canonical form: NFKC, whitespace runs as one space, trimmed; its case is the editor's. */
export function canonicalTagName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** How a character is named in a message: `U+FFFF`. */
export function codePointOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function locate(text: string, pattern: RegExp): BadCharacter | undefined {
  const match = pattern.exec(text);
  if (!match) return undefined;
  let lineOffset = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) lineOffset++;
  return { char: match[0], lineOffset };
}
