/** Titles and Latin abbreviations that never end an English sentence: always joined to what follows. */
const ALWAYS_JOIN = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'e.g',
  'i.e',
  'vs',
  'cf',
  'viz',
  'approx',
  'esp',
]);

/** Abbreviations that are joined when a number follows: `No. 10`, `Jan. 5`, `p. 12`. */
const JOIN_BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'art',
  'fig',
  'figs',
  'p',
  'pp',
  'vol',
  'ch',
  'sec',
  'para',
  'op',
  'ed',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Abbreviations that may also end a sentence (`in the U.S.`, `Smith & Co.`): joined when the next
 * word is lowercase, a number, or a capitalised word that is not a function word (`U.S. Senate`,
 * `St. Paul`), and split before a typical sentence opener (`U.S. The`).
 */
const JOIN_BEFORE_NAME = new Set(['st', 'mt', 'ft', 'inc', 'ltd', 'co', 'corp', 'bros', 'jr', 'sr', 'plc', 'dept', 'univ', 'assn', 'etc', 'al']);

const DOTTED_ACRONYM = /^(?:\p{L}\.){2,}$/u;
const SINGLE_INITIAL = /^\p{Lu}\.$/u;
const LEADING_PUNCT = /^[\s"'“”‘’«»([{]+/u;

/** Longer than any abbreviation: only this much of a fragment's end is read, so joining stays linear. */
const TAIL = 64;

function lastToken(fragment: string): string {
  const tokens = fragment.slice(-TAIL).trimEnd().split(/\s+/);
  return (tokens[tokens.length - 1] ?? '').replace(LEADING_PUNCT, '');
}

function firstToken(fragment: string): string {
  return (fragment.slice(0, TAIL).trimStart().split(/\s+/)[0] ?? '').replace(LEADING_PUNCT, '');
}

/**
 * Whether the sentence segmenter's break between `fragment` and `next` falls after an abbreviation
 * rather than at a sentence end. `isFunctionWord` tells a sentence opener (`The`, `He`) from a name.
 */
export function breaksAfterAbbreviation(fragment: string, next: string, isFunctionWord: (lowercaseWord: string) => boolean): boolean {
  const token = lastToken(fragment);
  if (!token.endsWith('.')) return false;
  const word = firstToken(next);
  if (word === '') return false;
  const abbreviation = token.slice(0, -1).toLowerCase();
  const startsWithDigit = /^\p{N}/u.test(word);
  const startsLowercase = /^\p{Ll}/u.test(word);
  const startsUppercase = /^\p{Lu}/u.test(word);

  if (ALWAYS_JOIN.has(abbreviation)) return true;
  if (JOIN_BEFORE_NUMBER.has(abbreviation) && startsWithDigit) return true;
  const ambiguous = JOIN_BEFORE_NAME.has(abbreviation) || DOTTED_ACRONYM.test(token) || SINGLE_INITIAL.test(token);
  if (!ambiguous) return false;
  if (startsLowercase || startsWithDigit) return true;
  if (!startsUppercase) return false;
  if (SINGLE_INITIAL.test(word) || DOTTED_ACRONYM.test(word)) return true;
  const bare = word.replace(/[^\p{L}'’-]+$/u, '').toLowerCase();
  return !isFunctionWord(bare);
}
