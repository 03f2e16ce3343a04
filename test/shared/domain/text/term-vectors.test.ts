import { describe, expect, it } from 'vitest';
import { cosineSimilarity, inverseDocumentFrequencies, tfIdfVector } from '../../../../shared/domain/text';

const docs = [
  ['budget', 'vote', 'council'],
  ['budget', 'tax'],
  ['rail', 'airport'],
];
const idf = inverseDocumentFrequencies(docs);

describe('term vectors', () => {
  it('weighs a rare term above a common one', () => {
    expect(idf.get('tax')!).toBeGreaterThan(idf.get('budget')!);
  });

  it('gives identical term lists a cosine of 1', () => {
    expect(cosineSimilarity(tfIdfVector(docs[0]!, idf), tfIdfVector(docs[0]!, idf))).toBeCloseTo(1);
  });

  it('gives term lists with nothing in common a cosine of 0', () => {
    expect(cosineSimilarity(tfIdfVector(docs[0]!, idf), tfIdfVector(docs[2]!, idf))).toBe(0);
  });

  it('ignores terms without an IDF unless a default is given', () => {
    expect(tfIdfVector(['unseen'], idf).norm).toBe(0);
    expect(tfIdfVector(['unseen'], idf, 2).norm).toBe(2);
  });
});
