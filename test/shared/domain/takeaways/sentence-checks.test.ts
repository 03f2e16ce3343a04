import { describe, expect, it } from 'vitest';
import { quotedShare, sentenceProblem } from '../../../../shared/domain/takeaways/sentence-checks';

const check = (s: string, language = 'en', maxChars = 220) => sentenceProblem(s, language, maxChars);

describe('sentenceProblem', () => {
  it('accepts a complete news sentence', () => {
    expect(check('The council approved the budget by nine votes to four on Tuesday.')).toBeUndefined();
  });

  it('rejects a question', () => {
    expect(check('What happens to the reserve fund if the economy slows next year?')).toBe('question');
  });

  it('rejects a question ending inside a quotation', () => {
    expect(check('The mayor asked: "Who will pay for the new bus routes in the city?"')).toBe('question');
  });

  it('rejects a sentence of fewer than six words', () => {
    expect(check('The vote was very close indeed.')).toBeUndefined();
    expect(check('Shares fell sharply in London.')).toBe('too-short');
  });

  it('rejects a dangling attribution', () => {
    expect(check('he said.')).toBe('too-short');
  });

  it('rejects the opening of a quotation that closes in a later sentence', () => {
    expect(check('"We will keep fighting for the libraries across the city.')).toBe('quote-fragment');
  });

  it('rejects the end of a quotation that opened in an earlier sentence', () => {
    expect(check('We have not given up on the libraries," Ms. Lee told reporters.')).toBe('quote-fragment');
  });

  it('rejects a short quotation with its attribution', () => {
    expect(check('"This is the budget we waited for," said Mr. Hall.')).toBe('short-quote');
  });

  it('accepts a quotation that carries a full statement', () => {
    expect(
      check('"Our financial performance was strong, meeting or exceeding all of our full-year objectives," chairman Richard Parsons said.'),
    ).toBeUndefined();
  });

  it('rejects a sentence over maxChars', () => {
    expect(check('The council approved the budget by nine votes to four on Tuesday.', 'en', 40)).toBe('too-long');
  });

  it('counts Chinese length in characters', () => {
    expect(check('新线路今天开通。', 'zh')).toBe('too-short');
    expect(check('上海至南京的新高速铁路线今天正式开通运营。', 'zh')).toBeUndefined();
  });

  it('accepts balanced German quotation marks', () => {
    expect(check('Der Minister sagte „wir werden die Schulen im ganzen Land stärken“ am Montag in Berlin.', 'de')).toBeUndefined();
  });
});

describe('quotedShare', () => {
  it('measures the share of characters inside quotation marks', () => {
    expect(quotedShare('"abcd" xyzw')).toBeCloseTo(6 / 11);
    expect(quotedShare('no quotes here')).toBe(0);
  });
});
