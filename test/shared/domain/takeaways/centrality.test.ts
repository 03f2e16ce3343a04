import { describe, expect, it } from 'vitest';
import { lexRank, similarityMatrix } from '../../../../shared/domain/takeaways/centrality';
import { inverseDocumentFrequencies, tfIdfVector } from '../../../../shared/domain/text';

describe('lexRank', () => {
  it('returns scores that sum to one', () => {
    const ranks = lexRank([[0, 0.5, 0], [0.5, 0, 0.2], [0, 0.2, 0]]);
    expect(ranks.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('ranks the sentence that shares terms with all others highest', () => {
    const docs = [['budget', 'tax', 'rail'], ['budget', 'vote'], ['tax', 'freeze'], ['rail', 'airport']];
    const idf = inverseDocumentFrequencies(docs);
    const ranks = lexRank(similarityMatrix(docs.map((d) => tfIdfVector(d, idf))));
    expect(ranks.indexOf(Math.max(...ranks))).toBe(0);
  });

  it('spreads scores evenly when no sentence resembles another', () => {
    expect(lexRank([[0, 0], [0, 0]])).toEqual([0.5, 0.5]);
  });
});

describe('similarityMatrix', () => {
  it('is symmetric with a zero diagonal', () => {
    const idf = inverseDocumentFrequencies([['a', 'b'], ['b', 'c'], ['d']]);
    const sim = similarityMatrix([['a', 'b'], ['b', 'c'], ['d']].map((d) => tfIdfVector(d, idf)));
    expect(sim[0]![1]).toBeGreaterThan(0);
    expect(sim[0]![1]).toBe(sim[1]![0]);
    expect(sim[0]![0]).toBe(0);
    expect(sim[0]![2]).toBe(0);
  });
});
