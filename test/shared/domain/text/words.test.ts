import { describe, expect, it } from 'vitest';
import { tokenize, wordsOf } from '../../../../shared/domain/text';

describe('tokenize', () => {
  it('lowercases, drops English stop words and stems', () => {
    expect(tokenize('The Profits of the companies were rising', 'en')).toEqual(['profit', 'compani', 'rise']);
  });

  it('drops a possessive apostrophe-s before stemming', () => {
    expect(tokenize('TimeWarner’s profits', 'en')).toEqual(['timewarn', 'profit']);
  });

  it('keeps numbers as terms', () => {
    expect(tokenize('Sales rose 464,000 units', 'en')).toContain('464,000');
  });

  it('does not stem other languages', () => {
    expect(tokenize('Die Regierungen haben entschieden', 'de')).toEqual(['regierungen', 'haben', 'entschieden']);
  });

  it('segments Chinese into words without punctuation or stop words', () => {
    const terms = tokenize('中国和美国同意建立对话机制。', 'zh');
    expect(terms).toContain('美国');
    expect(terms).not.toContain('和');
    expect(terms).not.toContain('。');
    expect(terms.every((t) => t.length <= 4)).toBe(true);
  });
});

describe('wordsOf', () => {
  it('keeps contractions and dotted abbreviations as one word', () => {
    expect(wordsOf("Don't cut U.S. aid, said 1.13bn voters.", 'en')).toEqual(["Don't", 'cut', 'U.S', 'aid', 'said', '1.13bn', 'voters']);
  });

  it('segments Japanese with the dictionary segmenter', () => {
    expect(wordsOf('東京で新しい駅が開業した。', 'ja').length).toBeGreaterThan(3);
  });
});

describe('wordsOf on long text without spaces', () => {
  it('segments 100,000 Chinese characters into the same words as 10-character runs', () => {
    const run = '中美人工智能对话机制';
    const expected = wordsOf(run, 'zh');
    const words = wordsOf(run.repeat(10_000), 'zh');
    expect(words.length).toBeGreaterThanOrEqual(expected.length * 10_000 * 0.99);
    expect(new Set(words)).toEqual(new Set(expected));
  });
});
