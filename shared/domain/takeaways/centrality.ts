import type { TermVector } from '../text';

/** PageRank damping factor, as in TextRank and LexRank. */
export const DAMPING = 0.85;
const MAX_ITERATIONS = 100;
const TOLERANCE = 1e-7;

interface PackedVector {
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly norm: number;
}

/** Vectors as sorted term-id arrays, so a dot product is a merge rather than map lookups. */
function pack(vectors: readonly TermVector[]): PackedVector[] {
  const ids = new Map<string, number>();
  return vectors.map((v) => {
    const entries = [...v.weights].map(([term, w]): [number, number] => {
      const id = ids.get(term) ?? ids.size;
      ids.set(term, id);
      return [id, w];
    });
    entries.sort((a, b) => a[0] - b[0]);
    return {
      ids: Int32Array.from(entries, (e) => e[0]),
      weights: Float64Array.from(entries, (e) => e[1]),
      norm: v.norm,
    };
  });
}

function packedCosine(a: PackedVector, b: PackedVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  let i = 0;
  let j = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i]!;
    const y = b.ids[j]!;
    if (x === y) dot += a.weights[i++]! * b.weights[j++]!;
    else if (x < y) i++;
    else j++;
  }
  return dot / (a.norm * b.norm);
}

/** The pairwise cosine similarities of `vectors` (symmetric; zero diagonal). */
export function similarityMatrix(vectors: readonly TermVector[]): number[][] {
  const packed = pack(vectors);
  const n = packed.length;
  const sim = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = packedCosine(packed[i]!, packed[j]!);
      sim[i]![j] = s;
      sim[j]![i] = s;
    }
  }
  return sim;
}

/**
 * Continuous LexRank: the PageRank scores (summing to 1) of the graph whose edge weights are
 * the similarities in `sim`, by power iteration with damping {@link DAMPING}, at most 100
 * iterations. A sentence similar to none spreads its vote evenly.
 */
export function lexRank(sim: readonly (readonly number[])[]): number[] {
  const n = sim.length;
  if (n === 0) return [];
  // Out-edges of each sentence with their transition probabilities (row-normalised weights).
  const targets: number[][] = [];
  const probabilities: number[][] = [];
  for (const row of sim) {
    const sum = row.reduce((a, b) => a + b, 0);
    const t: number[] = [];
    const p: number[] = [];
    if (sum > 0) {
      row.forEach((w, j) => {
        if (w > 0) {
          t.push(j);
          p.push(w / sum);
        }
      });
    }
    targets.push(t);
    probabilities.push(p);
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
