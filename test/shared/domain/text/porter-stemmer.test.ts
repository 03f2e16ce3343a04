import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../../shared/domain/text';

describe('porterStem', () => {
  it.each([
    ['caresses', 'caress'],
    ['ponies', 'poni'],
    ['agreed', 'agre'],
    ['hopping', 'hop'],
    ['filing', 'file'],
    ['relational', 'relat'],
    ['generalization', 'gener'],
    ['adjustment', 'adjust'],
    ['connections', 'connect'],
    ['connected', 'connect'],
  ])('stems %s to %s', (word, stem) => {
    expect(porterStem(word)).toBe(stem);
  });

  it('leaves words with digits or non-ASCII letters unchanged', () => {
    expect(porterStem('covid19')).toBe('covid19');
    expect(porterStem('café')).toBe('café');
  });
});
