import type { ArticleTerms } from './article-terms';
import type { RelatedParameters } from './parameters';

/** What the index knows of the whole archive. */
export interface ArchiveStats {
  /** Indexed (published) articles. */
  readonly documents: number;
  /** Sum of their weighted lengths. */
  readonly totalLength: number;
  /** Document frequencies of the terms asked for; a missing term has frequency 0. */
  readonly documentFrequencies: ReadonlyMap<string, number>;
}

/** An article's query: its heaviest terms by TF-IDF, with their BM25 query weights. */
export interface TermQuery {
  /** Term → query weight (saturated query frequency times IDF). */
  readonly weights: ReadonlyMap<string, number>;
  /** The BM25 score of the article against its own query: the scale of its relevance scores. */
  readonly selfScore: number;
}

/** BM25 inverse document frequency, `ln(1 + (N - df + 0.5) / (df + 0.5))`: always positive. */
export function bm25Idf(documents: number, documentFrequency: number): number {
  const n = Math.max(documents, documentFrequency);
  return Math.log(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** The BM25 term-frequency factor of a document with `frequency` of a term and weighted `length`. */
export function bm25TermFactor(frequency: number, length: number, averageLength: number, { k1, b }: Pick<RelatedParameters, 'k1' | 'b'>): number {
  if (frequency <= 0) return 0;
  const norm = averageLength > 0 ? length / averageLength : 1;
  return (frequency * (k1 + 1)) / (frequency + k1 * (1 - b + b * norm));
}

/** The archive's average document length, counting the article being published. */
export function averageLength(stats: ArchiveStats, own: ArticleTerms): number {
  return (stats.totalLength + own.length) / (stats.documents + 1);
}

/** Significant digits kept of a query weight: the index stores one per query term in every entry of an article. */
const WEIGHT_DIGITS = 4;

/** `value` to {@link WEIGHT_DIGITS} significant digits (a 17-digit double costs the stored entries ~7 bytes more each). */
function significant(value: number): number {
  return Number(value.toPrecision(WEIGHT_DIGITS));
}

/**
 * The query of an article: of its `vocabulary` (the terms whose document
 * frequencies are known), the `indexedTerms` heaviest by frequency times BM25
 * IDF (the article itself counted in N and df), weighted `(1 + ln tf) × idf`
 * (to four significant digits, as is the self score).
 */
export function termQuery(
  terms: ArticleTerms,
  vocabulary: readonly string[],
  stats: ArchiveStats,
  parameters: Pick<RelatedParameters, 'indexedTerms' | 'k1' | 'b'>,
): TermQuery {
  const n = stats.documents + 1;
  const ranked = vocabulary
    .map((term, order) => {
      const tf = terms.frequencies.get(term) ?? 0;
      const idf = bm25Idf(n, (stats.documentFrequencies.get(term) ?? 0) + 1);
      return { term, tf, idf, order, tfIdf: tf * idf };
    })
    .filter(({ tf }) => tf > 0)
    .sort((a, b) => b.tfIdf - a.tfIdf || a.order - b.order)
    .slice(0, parameters.indexedTerms);
  const avg = averageLength(stats, terms);
  const weights = new Map<string, number>();
  let selfScore = 0;
  for (const { term, tf, idf } of ranked) {
    const weight = significant((1 + Math.log(tf)) * idf);
    weights.set(term, weight);
    selfScore += weight * bm25TermFactor(tf, terms.length, avg, parameters);
  }
  return { weights, selfScore: significant(selfScore) };
}

/** The `limit` heaviest terms of a query's weights (ties: the order they were chosen in). */
export function heaviestQueryTerms(weights: ReadonlyMap<string, number>, limit: number): string[] {
  return [...weights]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([term]) => term);
}
