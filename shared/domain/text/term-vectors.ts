/** A sparse term-weight vector with its Euclidean norm precomputed. */
export interface TermVector {
  readonly weights: ReadonlyMap<string, number>;
  readonly norm: number;
}

/**
 * Inverse document frequencies of the terms of `documents` (each a list of terms):
 * `ln(1 + N / df)`, so a term in every document still weighs a little.
 */
export function inverseDocumentFrequencies(documents: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const terms of documents) {
    for (const term of new Set(terms)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(1 + n / count));
  return idf;
}

/**
 * The TF-IDF vector of `terms` (raw term frequency times IDF). Terms missing from `idf`
 * get `unknownIdf` (default 0: ignored).
 */
export function tfIdfVector(terms: readonly string[], idf: ReadonlyMap<string, number>, unknownIdf = 0): TermVector {
  const tf = new Map<string, number>();
  for (const term of terms) tf.set(term, (tf.get(term) ?? 0) + 1);
  const weights = new Map<string, number>();
  let sumSquares = 0;
  for (const [term, count] of tf) {
    const w = count * (idf.get(term) ?? unknownIdf);
    if (w > 0) {
      weights.set(term, w);
      sumSquares += w * w;
    }
  }
  return { weights, norm: Math.sqrt(sumSquares) };
}

/** Cosine similarity of two term vectors, in [0, 1]; 0 when either is empty. */
export function cosineSimilarity(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}
