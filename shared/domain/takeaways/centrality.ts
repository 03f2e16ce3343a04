import type { TermVector } from '../text';

/** PageRank damping factor, as in TextRank and LexRank. */
export const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-7;

/**
 * A sentence similarity graph kept sparse: for each sentence, only the sentences it shares a
 * term with, and the cosine similarity to each (symmetric; no self edges).
 */
export interface SimilarityGraph {
  readonly edges: readonly ReadonlyMap<number, number>[];
}

/** The similarity of sentences `i` and `j` in `graph`: 0 when they share no term. */
export function similarityOf(graph: SimilarityGraph, i: number, j: number): number {
  return graph.edges[i]?.get(j) ?? 0;
}

/**
 * The cosine similarity graph of `vectors`, built from an inverted index (term → sentences), so
 * only pairs that share a term are visited and stored. Callers bound the number of vectors;
 * memory is the number of sharing pairs, never a dense n×n matrix.
 */
export function similarityGraph(vectors: readonly TermVector[]): SimilarityGraph {
  const postings = new Map<string, { sentence: number; weight: number }[]>();
  vectors.forEach((vector, sentence) => {
    for (const [term, weight] of vector.weights) {
      const list = postings.get(term);
      if (list) list.push({ sentence, weight });
      else postings.set(term, [{ sentence, weight }]);
    }
  });
  const dots = vectors.map(() => new Map<number, number>());
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const x = list[a]!;
      const row = dots[x.sentence]!;
      for (let b = a + 1; b < list.length; b++) {
        const y = list[b]!;
        row.set(y.sentence, (row.get(y.sentence) ?? 0) + x.weight * y.weight);
      }
    }
  }
  const edges = vectors.map(() => new Map<number, number>());
  dots.forEach((row, i) => {
    for (const [j, dot] of row) {
      const similarity = dot / (vectors[i]!.norm * vectors[j]!.norm);
      if (!(similarity > 0)) continue;
      edges[i]!.set(j, similarity);
      edges[j]!.set(i, similarity);
    }
  });
  return { edges };
}

/**
 * Continuous LexRank: the PageRank scores (summing to 1) of the graph whose edge weights are
 * the similarities in `graph`, by power iteration with damping {@link DAMPING}, at most 100
 * iterations, each linear in the number of edges. A sentence similar to none spreads its
 * vote evenly.
 */
export function lexRank(graph: SimilarityGraph): number[] {
  const n = graph.edges.length;
  if (n === 0) return [];
  // Out-edges of each sentence with their transition probabilities (row-normalised weights).
  const targets: Int32Array[] = [];
  const probabilities: Float64Array[] = [];
  for (const row of graph.edges) {
    let sum = 0;
    for (const w of row.values()) sum += w;
    targets.push(Int32Array.from(row.keys()));
    probabilities.push(Float64Array.from(row.values(), (w) => w / sum));
  }
  let rank = new Float64Array(n).fill(1 / n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) if (targets[i]!.length === 0) dangling += rank[i]!;
    const next = new Float64Array(n).fill((1 - DAMPING) / n + (DAMPING * dangling) / n);
    for (let i = 0; i < n; i++) {
      const t = targets[i]!;
      const p = probabilities[i]!;
      const r = DAMPING * rank[i]!;
      for (let k = 0; k < t.length; k++) next[t[k]!]! += r * p[k]!;
    }
    let delta = 0;
    for (let j = 0; j < n; j++) delta += Math.abs(next[j]! - rank[j]!);
    rank = next;
    if (delta < TOLERANCE) break;
  }
  return Array.from(rank);
}
