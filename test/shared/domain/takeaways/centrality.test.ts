import { describe, expect, it } from 'vitest';
import { lexRank, similarityGraph, similarityOf, type SimilarityGraph } from '../../../../shared/domain/takeaways/centrality';
import { inverseDocumentFrequencies, tfIdfVector } from '../../../../shared/domain/text';

/** A graph from a dense matrix, for hand-made cases. */
function graphOf(matrix: readonly (readonly number[])[]): SimilarityGraph {
  return { edges: matrix.map((row) => new Map(row.flatMap((w, j) => (w > 0 ? [[j, w] as const] : [])))) };
}

function vectorsOf(docs: string[][]) {
  const idf = inverseDocumentFrequencies(docs);
  return docs.map((d) => tfIdfVector(d, idf));
}

describe('lexRank', () => {
  it('returns scores that sum to one', () => {
    const ranks = lexRank(
      graphOf([
        [0, 0.5, 0],
        [0.5, 0, 0.2],
        [0, 0.2, 0],
      ]),
    );
    expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('ranks the sentence that shares terms with all others highest', () => {
    const ranks = lexRank(
      similarityGraph(
        vectorsOf([
          ['budget', 'tax', 'rail'],
          ['budget', 'vote'],
          ['tax', 'freeze'],
          ['rail', 'airport'],
        ]),
      ),
    );
    expect(ranks.indexOf(Math.max(...ranks))).toBe(0);
  });

  it('spreads scores evenly when no sentence resembles another', () => {
    expect(
      lexRank(
        graphOf([
          [0, 0],
          [0, 0],
        ]),
      ),
    ).toEqual([0.5, 0.5]);
  });
});

describe('similarityGraph', () => {
  it('is symmetric with no self edges', () => {
    const graph = similarityGraph(vectorsOf([['a', 'b'], ['b', 'c'], ['d']]));
    expect(similarityOf(graph, 0, 1)).toBeGreaterThan(0);
    expect(similarityOf(graph, 0, 1)).toBe(similarityOf(graph, 1, 0));
    expect(similarityOf(graph, 0, 0)).toBe(0);
    expect(similarityOf(graph, 0, 2)).toBe(0);
  });

  it('gives the cosine similarity of the two vectors', () => {
    const graph = similarityGraph(
      vectorsOf([
        ['a', 'b'],
        ['a', 'c'],
      ]),
    );
    // idf: a ln2, b and c ln3; cosine = ln2² / (ln2² + ln3²)
    const [a, b] = [Math.log(2) ** 2, Math.log(3) ** 2];
    expect(similarityOf(graph, 0, 1)).toBeCloseTo(a / (a + b));
  });

  it('stores only the pairs that share a term', () => {
    const docs = Array.from({ length: 1_000 }, (_, i) => [`only${i}`, i % 2 === 0 ? 'even' : `odd${i}`]);
    const graph = similarityGraph(vectorsOf(docs));
    const edges = graph.edges.reduce((sum, row) => sum + row.size, 0);
    expect(edges).toBe(500 * 499);
  });
});
