import { describe, expect, it } from 'vitest';
import { rougeF1, summaryHitRate, wordTokens } from '../../../../bench/takeaways/metrics';

describe('takeaway benchmark metrics', () => {
  it('counts a chosen sentence found in the summary, ignoring whitespace differences', () => {
    expect(summaryHitRate(['Profits  rose 5%.', 'Shares fell.'], 'Profits rose\n5%. Sales grew.')).toBe(0.5);
  });

  it('gives a hit rate of 0 when nothing was chosen', () => {
    expect(summaryHitRate([], 'Anything.')).toBe(0);
  });

  it('tokenizes lowercased words and numbers without punctuation', () => {
    expect(wordTokens('Profits ROSE 5%, to $1.2bn.')).toEqual(['profits', 'rose', '5', 'to', '1', '2bn']);
  });

  it('scores identical texts 1 on ROUGE-1 and ROUGE-2', () => {
    expect(rougeF1('the cat sat', 'The cat sat.', 1)).toBe(1);
    expect(rougeF1('the cat sat', 'The cat sat.', 2)).toBe(1);
  });

  it('computes ROUGE-1 F1 from clipped unigram overlap', () => {
    // candidate 4 unigrams, reference 3; overlap: the(1, clipped) + cat = 2 → P 1/2, R 2/3
    expect(rougeF1('the the cat ran', 'the cat sat', 1)).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
  });

  it('computes ROUGE-2 F1 from bigram overlap', () => {
    // bigrams: cand {the cat, cat sat}, ref {the cat, cat ran} → P 1/2, R 1/2
    expect(rougeF1('the cat sat', 'the cat ran', 2)).toBeCloseTo(0.5);
  });

  it('scores 0 when nothing overlaps', () => {
    expect(rougeF1('dogs bark', 'cats purr', 1)).toBe(0);
  });
});
