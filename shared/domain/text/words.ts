import { porterStem } from './porter-stemmer';
import { segmenterFor } from './segmenters';
import { primaryLanguage, stopWordsFor } from './stop-words';

/**
 * A word of a space-delimited script by the Unicode word-boundary rules (UAX #29) that matter
 * for prose: letters, marks and digits, joined across `'`, `’`, `.` and `:` between them
 * (`don't`, `U.S`, `1.13bn`), and digits across `,` and `;` (`464,000`), as `Intl.Segmenter` does.
 */
// Flag `v`, not `u`: V8 builds a class of several \p{…} properties 3-5x faster under it, at every cold start that parses it.
const SPACED_WORD = /[\p{L}\p{M}\p{N}_]+(?:(?:['’.:·]|(?<=\p{N})[,;](?=\p{N}))[\p{L}\p{M}\p{N}_]+)*/gv;

/** Scripts whose word boundaries need a dictionary (`Intl.Segmenter`) rather than spaces. */
const NEEDS_DICTIONARY =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/v;

/**
 * Every word-like segment of `text` (words and numbers, no punctuation), as written.
 * Text with Chinese, Japanese, Thai, Lao, Khmer, Myanmar or Tibetan characters is segmented by
 * `Intl.Segmenter` (`isWordLike`); other text by the equivalent Unicode rules directly, which is
 * some fifty times faster than iterating `Intl.Segmenter` segments in V8.
 */
export function wordsOf(text: string, language: string): string[] {
  if (!NEEDS_DICTIONARY.test(text)) return text.match(SPACED_WORD) ?? [];
  const out: string[] = [];
  const segmenter = segmenterFor(language, 'word');
  for (const piece of piecesOf(text)) {
    for (const s of segmenter.segment(piece)) {
      if (s.isWordLike) out.push(s.segment);
    }
  }
  return out;
}

/**
 * ICU's dictionary word breaker slows down more than linearly on long runs, so text is
 * segmented in pieces of at most this many UTF-16 code units.
 */
const PIECE = 1_000;
const BREAK_BEFORE = /[\s\p{P}]/v;

/** `text` in pieces of at most {@link PIECE} units, cut after a space or punctuation when there is one, never inside a surrogate pair. */
function piecesOf(text: string): string[] {
  if (text.length <= PIECE) return [text];
  const pieces: string[] = [];
  let start = 0;
  while (text.length - start > PIECE) {
    let end = start + PIECE;
    for (let i = end - 1; i > start + PIECE / 2; i--) {
      if (BREAK_BEFORE.test(text[i]!)) {
        end = i + 1;
        break;
      }
    }
    if (/[\udc00-\udfff]/.test(text[end] ?? '')) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  pieces.push(text.slice(start));
  return pieces;
}

/**
 * The index terms of `text`: word-like segments (`Intl.Segmenter`, so Chinese, Japanese and Thai
 * are segmented into words too), lowercased, stop words of `language` removed, English words
 * reduced to their Porter stem and stripped of a possessive `'s`. Order and repeats are kept.
 */
export function tokenize(text: string, language: string): string[] {
  const stopWords = stopWordsFor(language);
  const english = primaryLanguage(language) === 'en';
  // Only Turkish, Azerbaijani and Lithuanian lowercase differently from the root locale.
  const locale = /^(tr|az|lt)$/.test(primaryLanguage(language)) ? canonicalLocale(language) : undefined;
  const out: string[] = [];
  for (const word of wordsOf(text, language)) {
    let term = (locale ? word.toLocaleLowerCase(locale) : word.toLowerCase()).replace(/\u2019/g, "'");
    if (stopWords.has(term)) continue;
    if (english) {
      term = term.replace(/'s?$/, '');
      if (term === '' || stopWords.has(term)) continue;
      term = porterStem(term);
    }
    out.push(term);
  }
  return out;
}

const canonicalLocales = new Map<string, string | undefined>();

/** The canonical form of `language`, or `undefined` (the default locale) when it is not a valid tag. */
function canonicalLocale(language: string): string | undefined {
  if (!canonicalLocales.has(language)) {
    let locale: string | undefined;
    try {
      locale = Intl.getCanonicalLocales(language)[0];
    } catch {
      locale = undefined;
    }
    canonicalLocales.set(language, locale);
  }
  return canonicalLocales.get(language);
}
