import { isMostlySpaceless, markdownToPlainBlocks, splitSentences, stopWordsFor } from '../text';
import type { TakeawayInput } from './index';

/** The verdict of {@link checkGrounded}: `ok` when `problems` is empty. */
export interface GroundingResult {
  readonly ok: boolean;
  /** One line per problem, naming the takeaway (from 1) and what is wrong. */
  readonly problems: string[];
}

/** Bounds the list must respect (the same defaults as `generateTakeaways`). */
export interface GroundingOptions {
  /** @default 3 */
  readonly min?: number;
  /** @default 5 */
  readonly max?: number;
  /** Longest takeaway in characters (UTF-16 code units). @default 220 */
  readonly maxChars?: number;
}

// A number is a digit run with optional thousands separators or a decimal part: `1,200`, `3.5`.
// Signs, currency symbols, `%` and suffixes such as `bn` are not part of it, so `$1.2bn` is `1.2`.
const NUMBER = /\d+(?:[.,]\d+)*/gu;
// A word of a cased script, keeping inner apostrophes, hyphens and dots (`O'Brien`, `Sino-US`, `U.S`).
// Flag `v`, not `u`: V8 builds a class of several \p{…} properties 3-5x faster under it, at every cold start that parses it.
const WORD = /[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['.\-](?=[\p{L}\p{N}]))*/gv;
const CAPITALISED = /^\p{Lu}/u;
const SENTENCE_END = /[.!?…。！？]["'”’)\]]*\s*$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{M}\p{N}]/v;

/**
 * Checks machine-written takeaways against the article they summarise, so an LLM's list is used
 * only when it invents nothing. Pure; no I/O.
 *
 * Grounding, against the title, dek and body (Markdown removed), compared after Unicode NFKC
 * normalisation (full-width digits become ASCII), case folding, straight apostrophes and
 * collapsed whitespace:
 * - **numbers**: every number in a takeaway must occur as a number of the article. A number is
 *   its digits with commas dropped (a single point is a decimal point, several group thousands)
 *   and trailing decimal zeros removed, so `1,200` matches `1200`, `2.50` matches `2.5` and
 *   `$1.2bn` matches `1.2 billion`; signs, `%`, currency and scale words are ignored. Numbers
 *   written in words (`three`, `三`) are not recognised on either side, so a takeaway that turns
 *   `1.2 million` into `1,200,000` is rejected.
 * - **names**: every run of capitalised words must occur as a phrase of the article (case
 *   folded, at word boundaries, a possessive `'s` dropped). A leading stop word is dropped
 *   from a run (`The United States` → `United States`), and a single capitalised word that
 *   opens a sentence is not taken for a name. Scripts without capitals (Chinese, Japanese,
 *   Thai…) have no detectable names, so in them only numbers are checked.
 *
 * Structure: `min`..`max` takeaways, each non-empty, one sentence, at most `maxChars`
 * characters, and no two the same (ignoring case and spacing).
 */
export function checkGrounded(takeaways: readonly string[], article: TakeawayInput, options: GroundingOptions = {}): GroundingResult {
  const min = options.min ?? 3;
  const max = Math.max(options.max ?? 5, min);
  const maxChars = options.maxChars ?? 220;
  const problems: string[] = [];

  if (takeaways.length < min || takeaways.length > max) {
    problems.push(`There are ${takeaways.length} takeaways; ${min} to ${max} are required.`);
  }

  const text = articleText(article);
  const folded = fold(text);
  const articleNumbers = new Set(numbersIn(text));
  const stopWords = stopWordsFor(article.language);
  const seen = new Set<string>();

  takeaways.forEach((takeaway, index) => {
    const at = `Takeaway ${index + 1}`;
    const trimmed = takeaway.trim();
    if (trimmed === '') {
      problems.push(`${at} is empty.`);
      return;
    }
    if (trimmed.length > maxChars) problems.push(`${at} has ${trimmed.length} characters; the limit is ${maxChars}.`);
    if (splitSentences(trimmed, article.language).length > 1) problems.push(`${at} is more than one sentence.`);
    const key = fold(trimmed);
    if (seen.has(key)) problems.push(`${at} repeats an earlier takeaway.`);
    seen.add(key);

    for (const number of new Set(numbersIn(trimmed))) {
      if (!articleNumbers.has(number)) problems.push(`${at}: the number ${number} is not in the article.`);
    }
    for (const name of namesIn(trimmed, stopWords)) {
      if (!containsPhrase(folded, fold(name))) problems.push(`${at}: the name "${name}" is not in the article.`);
    }
  });

  return { ok: problems.length === 0, problems };
}

function articleText(article: TakeawayInput): string {
  const body = markdownToPlainBlocks(article.body).map((block) => block.text);
  return [article.title, article.dek ?? '', ...body].join('\n');
}

function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[‘’ʼ`]/gu, "'")
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The canonical numbers of `text`: `1,200.50` → `1200.5`. */
function numbersIn(text: string): string[] {
  return (text.normalize('NFKC').match(NUMBER) ?? []).map(canonicalNumber);
}

function canonicalNumber(raw: string): string {
  // Commas group thousands; one point is a decimal point, several (`1.200.000`) group thousands.
  const digits = raw.replace(/,/gu, '');
  const [whole = '', fraction = '', ...rest] = digits.split('.');
  if (rest.length > 0) return digits.replace(/\./gu, '').replace(/^0+(?=\d)/u, '');
  const integer = whole.replace(/^0+(?=\d)/u, '');
  const decimals = fraction.replace(/0+$/u, '');
  return decimals === '' ? integer : `${integer}.${decimals}`;
}

/** Runs of consecutive capitalised words, as written; none in scripts without capitals. */
function namesIn(sentence: string, stopWords: ReadonlySet<string>): string[] {
  const text = sentence.normalize('NFKC').replace(/[‘’ʼ]/gu, "'");
  if (isMostlySpaceless(text)) return [];
  const names: string[] = [];
  let run: { words: string[]; opensSentence: boolean } | undefined;
  let previousEnd = 0;

  const close = (): void => {
    if (!run) return;
    const words = [...run.words];
    if (words.length > 0 && stopWords.has(words[0]!.toLowerCase())) {
      words.shift();
      run.opensSentence = false;
    }
    if (words.length > 1 || (words.length === 1 && !run.opensSentence)) {
      names.push(words.join(' ').replace(/'s?$/u, ''));
    }
    run = undefined;
  };

  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const gap = text.slice(previousEnd, match.index);
    previousEnd = match.index + word.length;
    // Only spaces may sit inside a name; any punctuation ends the run.
    if (run && !/^ +$/u.test(gap)) close();
    if (!CAPITALISED.test(word)) {
      close();
      continue;
    }
    if (run) run.words.push(word);
    else {
      const before = text.slice(0, match.index).replace(/["'“‘([]+\s*$/u, '');
      run = { words: [word], opensSentence: before.trim() === '' || SENTENCE_END.test(before) };
    }
  }
  close();
  return names;
}

/** Whether `phrase` occurs in `text` with no letter or digit directly on either side. */
function containsPhrase(text: string, phrase: string): boolean {
  if (phrase === '') return true;
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text[at - 1];
    const after = text[at + phrase.length];
    if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) {
      return true;
    }
  }
  return false;
}
