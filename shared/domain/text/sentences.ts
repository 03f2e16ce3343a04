import { breaksAfterAbbreviation } from './abbreviations';
import { segmenterFor } from './segmenters';
import { stopWordsFor } from './stop-words';

const ENGLISH_FUNCTION_WORDS = stopWordsFor('en');

/**
 * Splits prose into sentences with `Intl.Segmenter` (any language, Chinese and Japanese
 * included), then re-joins the fragments it cuts after English abbreviations and initials
 * (`Mr.`, `Dr.`, `U.S.`, `No. 10`, `Jan. 5`, `J. K. Rowling`, `e.g.`, `vs.`).
 *
 * A blank line always ends a sentence; single line breaks are treated as spaces (hard-wrapped
 * text). Each sentence is returned trimmed with runs of whitespace collapsed to one space.
 */
export function splitSentences(text: string, language: string): string[] {
  const stopWords = stopWordsFor(language);
  const isFunctionWord = (w: string): boolean => ENGLISH_FUNCTION_WORDS.has(w) || stopWords.has(w);
  const segmenter = segmenterFor(language, 'sentence');
  const out: string[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const prose = paragraph.replace(/\s+/g, ' ').trim();
    if (prose === '') continue;
    let current = '';
    for (const { segment } of segmenter.segment(prose)) {
      if (current !== '' && !breaksAfterAbbreviation(current, segment, isFunctionWord)) {
        pushTrimmed(out, current);
        current = '';
      }
      current += segment;
    }
    pushTrimmed(out, current);
  }
  return out;
}

function pushTrimmed(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== '') out.push(trimmed);
}
