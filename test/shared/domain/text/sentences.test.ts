import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../../shared/domain/text';

describe('splitSentences', () => {
  it.each([
    ['Mr.', 'Mr. Smith arrived late. He apologised.'],
    ['Mrs.', 'The award went to Mrs. Jones for her work. She thanked the jury.'],
    ['Dr.', 'Patients were seen by Dr. Patel within an hour. The ward reopened.'],
    ['U.S. before a name', 'The U.S. Senate passed the bill on Friday. It now goes to the House.'],
    ['U.K.', 'The U.K. Treasury published its forecast. Growth was revised down.'],
    ['No. 10', 'Officials at No. 10 declined to comment. The statement came later.'],
    ['St.', 'The march ended at St. Paul’s Cathedral in the evening. Police made no arrests.'],
    ['Jan.', 'The law takes effect on Jan. 1 next year. Shops must comply.'],
    ['initials', 'The novel by J. K. Rowling sold a million copies. Critics were divided.'],
    ['e.g.', 'Some fruits, e.g. Apples from Kent, were cheaper. Prices rose elsewhere.'],
    ['i.e.', 'The smallest unit, i.e. The single cell, was studied. Results follow.'],
    ['vs.', 'The final was Arsenal vs. Chelsea at Wembley. Arsenal won.'],
  ])('does not split after %s', (_name, text) => {
    expect(splitSentences(text, 'en')).toHaveLength(2);
  });

  it('keeps the abbreviation inside the first sentence', () => {
    expect(splitSentences('Mr. Smith arrived late. He apologised.', 'en')).toEqual(['Mr. Smith arrived late.', 'He apologised.']);
  });

  it('splits after U.S. when a new sentence starts with a function word', () => {
    expect(splitSentences('The company moved to the U.S. The move cost $5m.', 'en')).toEqual(['The company moved to the U.S.', 'The move cost $5m.']);
  });

  it('splits Chinese text at full-width sentence punctuation', () => {
    expect(splitSentences('新线路今天开通。乘客表示欢迎！票价会降低吗？', 'zh')).toEqual(['新线路今天开通。', '乘客表示欢迎！', '票价会降低吗？']);
  });

  it('treats a single line break as a space and a blank line as a sentence end', () => {
    expect(splitSentences('The vote was held\non Tuesday\n\nA heading without a stop', 'en')).toEqual([
      'The vote was held on Tuesday',
      'A heading without a stop',
    ]);
  });

  it('splits a paragraph of 17,000 short sentences into each of them', () => {
    const sentences = Array.from({ length: 17_000 }, (_, i) => `Item ${i} is up.`);
    expect(splitSentences(sentences.join(' '), 'en')).toEqual(sentences);
  });

  it('cuts a long paragraph where it would break anyway, keeping abbreviations joined', () => {
    const sentence = (i: number) =>
      [`Mr. Smith met Dr. Jones in the U.S. Senate on Jan. ${i}.`, `Why did No. ${i} fall?`, `"Enough," said Sen. Brown of St. Paul.`][i % 3]!;
    const sentences = Array.from({ length: 600 }, (_, i) => sentence(i));
    expect(splitSentences(sentences.join(' '), 'en')).toEqual(sentences);
  });
});
