import { NO_DEADLINE, type Deadline } from '../deadline';
import { markdownToPlainParagraphs, tokenize } from '../text';

/** What term extraction reads of an article. */
export interface TermSource {
  readonly title: string;
  readonly dek?: string;
  readonly tags: readonly string[];
  /** Markdown. */
  readonly body: string;
  /** BCP 47 tag; English gets stop words and Porter stems, spaceless scripts segmenter words. */
  readonly language: string;
}

/** How much one occurrence of a term counts, per field: the headline and tags say what a story is about. */
export const FIELD_WEIGHTS = { title: 3, dek: 2, tags: 2, body: 1 } as const;

/** Longest term kept, in UTF-16 code units (index keys must stay small). */
export const MAX_TERM_LENGTH = 48;

/**
 * Most distinct terms kept per article: a body at the size limit has fewer in real prose,
 * and generated or hostile text cannot grow the map (or the index rows) beyond it.
 * Terms met after the cap still count towards the length and the terms already kept.
 */
export const MAX_DISTINCT_TERMS = 5_000;

/** The weighted terms of an article. */
export interface ArticleTerms {
  /** Field-weighted term frequencies. */
  readonly frequencies: ReadonlyMap<string, number>;
  /** Sum of the weighted frequencies: the document length for BM25. */
  readonly length: number;
}

/**
 * The weighted bag of terms of an article: headline, dek, tags and body
 * tokenized with {@link tokenize} (stop words, Porter stems for English,
 * `Intl.Segmenter` words for Chinese, Japanese, Thai…), each occurrence
 * weighted by {@link FIELD_WEIGHTS}. Pure numbers are dropped: they rarely say
 * what a story is about and would crowd the index. At most
 * {@link MAX_DISTINCT_TERMS} distinct terms; linear in the length of the text.
 */
export function articleTerms(source: TermSource, deadline: Deadline = NO_DEADLINE): ArticleTerms {
  const frequencies = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const term of tokenize(text, source.language)) {
      if (term.length > MAX_TERM_LENGTH || /^[\p{N}.,:;]+$/u.test(term)) continue;
      length += weight;
      const known = frequencies.get(term);
      if (known === undefined && frequencies.size >= MAX_DISTINCT_TERMS) continue;
      frequencies.set(term, (known ?? 0) + weight);
    }
    deadline.check('related terms');
  };
  add(source.title, FIELD_WEIGHTS.title);
  if (source.dek) add(source.dek, FIELD_WEIGHTS.dek);
  for (const tag of source.tags) add(tag, FIELD_WEIGHTS.tags);
  for (const paragraph of markdownToPlainParagraphs(source.body)) add(paragraph, FIELD_WEIGHTS.body);
  return { frequencies, length };
}

/**
 * The `limit` heaviest terms of `terms` (ties: the term met first, so headline
 * terms win). These are the terms whose document frequencies are kept.
 */
export function heaviestTerms(terms: ArticleTerms, limit: number): string[] {
  return [...terms.frequencies.entries()]
    .map(([term, weight], order) => ({ term, weight, order }))
    .sort((a, b) => b.weight - a.weight || a.order - b.order)
    .slice(0, limit)
    .map(({ term }) => term);
}
