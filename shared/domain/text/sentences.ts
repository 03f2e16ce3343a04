import { breaksAfterAbbreviation } from './abbreviations';
import { segmenterFor } from './segmenters';
import { stopWordsFor } from './stop-words';

const ENGLISH_FUNCTION_WORDS = stopWordsFor('en');

/**
 * V8's sentence segmenter slows down more than linearly on long text (17,000 short
 * sentences in one string: a minute), so prose is segmented in chunks of about this many
 * characters, cut where the segmenter breaks anyway.
 */
const CHUNK = 1_000;
/** Where UAX #29 always breaks: after `!`/`?` and spaces, after `.` and spaces before a capital, after `。！？`. */
const CUT = /[!?]["'”’)\]]*\s+|\.["'”’)\]]*\s+(?=\p{Lu})|[。！？]["'”’」』)\]]*/gu;

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
    // Segments of the sentence being built; only the last is read, so joining stays linear.
    let current: string[] = [];
    for (const chunk of chunksOf(prose)) {
      for (const { segment } of segmenter.segment(chunk)) {
        const last = current[current.length - 1];
        if (last !== undefined && !breaksAfterAbbreviation(last, segment, isFunctionWord)) {
          pushTrimmed(out, current.join(''));
          current = [];
        }
        current.push(segment);
      }
    }
    pushTrimmed(out, current.join(''));
  }
  return out;
}

/**
 * `prose` in pieces of about {@link CHUNK} characters, each ending at a sentence break the
 * segmenter would make. Text without such a break for four chunks (not prose) is cut at a
 * space, or anywhere but inside a surrogate pair.
 */
function chunksOf(prose: string): string[] {
  if (prose.length <= 2 * CHUNK) return [prose];
  const chunks: string[] = [];
  let start = 0;
  while (prose.length - start > 2 * CHUNK) {
    CUT.lastIndex = start + CHUNK;
    const cut = CUT.exec(prose);
    let end: number;
    if (cut && cut.index <= start + 4 * CHUNK) end = cut.index + cut[0].length;
    else {
      const space = prose.indexOf(' ', start + 4 * CHUNK);
      end = space !== -1 && space <= start + 5 * CHUNK ? space + 1 : start + 4 * CHUNK;
      if (/[\udc00-\udfff]/.test(prose[end] ?? '')) end++;
    }
    chunks.push(prose.slice(start, end));
    start = end;
  }
  chunks.push(prose.slice(start));
  return chunks;
}

function pushTrimmed(out: string[], sentence: string): void {
  const trimmed = sentence.trim();
  if (trimmed !== '') out.push(trimmed);
}
