import { countLetters, isMostlySpaceless, wordsOf } from '../text';

/** Why a sentence cannot be a takeaway. */
export type SentenceProblem = 'question' | 'too-short' | 'quote-fragment' | 'short-quote' | 'too-long';

/** Shortest usable sentence in words and characters; in letters for scripts without spaces. */
const MIN_WORDS = 6;
const MIN_CHARS = 25;
const MIN_SPACELESS_LETTERS = 12;
/** A quotation of fewer words than this, with its attribution, is a sound bite, not a takeaway. */
const SHORT_QUOTE_WORDS = 12;

const QUESTION_END = /[?？؟][\s"'”’»」』)\]]*$/u;
const QUOTED_SPAN = /"[^"]*"|“[^”“]*”|„[^“”„]*[“”]|«[^»]*»|「[^」]*」|『[^』]*』/gu;

/**
 * The first reason `sentence` is unfit to stand alone as a takeaway, or `undefined` when it is fit:
 * a question, too short (fewer than 6 words or 25 characters; fewer than 12 letters in Chinese,
 * Japanese or Thai), part of a quotation split over sentences (unbalanced quote marks), a short
 * quotation with its attribution (`"We won," he said.`), or longer than `maxChars`.
 */
export function sentenceProblem(sentence: string, language: string, maxChars: number): SentenceProblem | undefined {
  if (QUESTION_END.test(sentence)) return 'question';
  if (isMostlySpaceless(sentence)) {
    if (countLetters(sentence) < MIN_SPACELESS_LETTERS) return 'too-short';
  } else if (sentence.length < MIN_CHARS || wordsOf(sentence, language).length < MIN_WORDS) {
    return 'too-short';
  }
  if (!quotesBalanced(sentence)) return 'quote-fragment';
  if (isShortQuote(sentence, language)) return 'short-quote';
  if (sentence.length > maxChars) return 'too-long';
  return undefined;
}

/** The share of `sentence`'s characters inside quotation marks, in [0, 1]. */
export function quotedShare(sentence: string): number {
  if (sentence.length === 0) return 0;
  let quoted = 0;
  for (const match of sentence.matchAll(QUOTED_SPAN)) quoted += match[0].length;
  return quoted / sentence.length;
}

const QUOTE_MARKS = '"“”„«»「」『』';

function quotesBalanced(sentence: string): boolean {
  const n = new Map<string, number>();
  for (const ch of sentence) if (QUOTE_MARKS.includes(ch)) n.set(ch, (n.get(ch) ?? 0) + 1);
  if (n.size === 0) return true;
  const c = (ch: string): number => n.get(ch) ?? 0;
  if (c('"') % 2 !== 0) return false;
  // German and others open with „ and close with “; English opens with “ and closes with ”.
  const curlyBalanced = c('„') > 0 ? c('„') === c('“') + c('”') : c('“') === c('”');
  return curlyBalanced && c('«') === c('»') && c('「') === c('」') && c('『') === c('』');
}

function isShortQuote(sentence: string, language: string): boolean {
  const spans = [...sentence.matchAll(QUOTED_SPAN)].map((m) => m[0]);
  if (spans.length === 0) return false;
  const quotedWords = spans.reduce((n, span) => n + wordsOf(span, language).length, 0);
  const rest = sentence.replace(QUOTED_SPAN, ' ');
  return quotedWords < SHORT_QUOTE_WORDS && wordsOf(rest, language).length <= 6;
}
