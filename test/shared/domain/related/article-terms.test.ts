import { describe, expect, it } from 'vitest';
import { articleTerms, heaviestTerms } from '../../../../shared/domain/related';

describe('articleTerms', () => {
  it('weighs a headline word above the same word in the body', () => {
    const { frequencies } = articleTerms({ title: 'Elections', tags: [], body: 'Markets rallied.', language: 'en' });
    expect(frequencies.get('elect')).toBeGreaterThan(frequencies.get('market') ?? 0);
  });

  it('stems English words and drops stop words', () => {
    const { frequencies } = articleTerms({ title: 'The markets', tags: [], body: 'Market rallies and the rallying markets.', language: 'en' });
    expect(frequencies.has('the')).toBe(false);
    expect(frequencies.get('market')).toBe(3 + 1 + 1);
    expect(frequencies.get('ralli')).toBe(2);
  });

  it('finds words in Chinese text, which has no spaces', () => {
    const { frequencies } = articleTerms({ title: '人工智能对话', tags: [], body: '中美两国开启人工智能对话。', language: 'zh' });
    expect(frequencies.size).toBeGreaterThan(2);
    expect([...frequencies.keys()].every((term) => term.length < 6)).toBe(true);
  });

  it('counts tags as terms', () => {
    expect(articleTerms({ title: 'A', tags: ['Semiconductors'], body: 'B.', language: 'en' }).frequencies.get('semiconductor')).toBe(2);
  });

  it('orders the heaviest terms by weight, headline terms first on ties', () => {
    const terms = articleTerms({ title: 'Quantum', tags: [], body: 'Qubits qubits qubits. Lasers.', language: 'en' });
    expect(heaviestTerms(terms, 2)).toEqual(['quantum', 'qubit']);
  });
});
