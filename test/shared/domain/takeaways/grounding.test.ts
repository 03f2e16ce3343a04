import { describe, expect, it } from 'vitest';
import type { TakeawayInput } from '../../../../shared/domain/takeaways';
import { checkGrounded } from '../../../../shared/domain/takeaways/grounding';

const article: TakeawayInput = {
  title: 'Council approves $2.4bn budget',
  dek: 'The plan adds bus routes and freezes property taxes.',
  body: [
    'The city council approved a **$2.4bn budget** on Tuesday that raises spending on public transport by a fifth.',
    '',
    'Mayor Alice Moreno said the plan would add 40 new bus routes and extend the light rail line to the airport by 2027.',
    '',
    'Ridership is expected to grow by 15% within two years, and 1,200 new parking spaces will open.',
    '',
    'Councillor James Ortiz said the reserve would fall below the level recommended by the State Auditor.',
  ].join('\n'),
  language: 'en',
};

const grounded = [
  'The council approved a $2.4bn budget on Tuesday.',
  'Mayor Alice Moreno said 40 new bus routes will be added by 2027.',
  'Ridership should grow by 15% within two years.',
];

/** The grounded list with takeaway `index` replaced. */
const withTakeaway = (index: number, takeaway: string): string[] => grounded.map((t, i) => (i === index ? takeaway : t));

describe('checkGrounded', () => {
  it('accepts takeaways whose every number and name is in the article', () => {
    expect(checkGrounded(grounded, article)).toEqual({ ok: true, problems: [] });
  });

  it('rejects a takeaway with a number that is not in the article', () => {
    const result = checkGrounded(withTakeaway(1, 'Mayor Alice Moreno said 45 new bus routes will be added by 2027.'), article);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual(['Takeaway 2: the number 45 is not in the article.']);
  });

  it('does not accept a number because it is part of a longer number in the article', () => {
    const result = checkGrounded(withTakeaway(1, 'The light rail line reaches the airport by 202.'), article);
    expect(result.problems).toEqual(['Takeaway 2: the number 202 is not in the article.']);
  });

  it('matches numbers written with or without thousands separators or trailing decimal zeros', () => {
    const result = checkGrounded(withTakeaway(2, 'A budget of 2.40 billion dollars brings 1200 parking spaces and 15 percent more riders.'), article);
    expect(result).toEqual({ ok: true, problems: [] });
  });

  it('takes only the numeric part of currency amounts and percentages', () => {
    const result = checkGrounded(withTakeaway(0, 'The budget is worth $7.5bn and lifts spending by 20%.'), article);
    expect(result.problems).toEqual(['Takeaway 1: the number 7.5 is not in the article.', 'Takeaway 1: the number 20 is not in the article.']);
  });

  it('rejects a takeaway with a name that is not in the article', () => {
    const result = checkGrounded(withTakeaway(0, 'The budget was backed by Governor Tom Reed on Tuesday.'), article);
    expect(result.problems).toEqual(['Takeaway 1: the name "Governor Tom Reed" is not in the article.']);
  });

  it('rejects an invented name of several words even when it opens the sentence', () => {
    const result = checkGrounded(withTakeaway(1, 'Bob Smith said 40 new bus routes will be added by 2027.'), article);
    expect(result.problems).toEqual(['Takeaway 2: the name "Bob Smith" is not in the article.']);
  });

  it('rejects a known first name joined to an unknown surname', () => {
    const result = checkGrounded(withTakeaway(1, 'Mayor Alice Ortiz said 40 new bus routes will be added by 2027.'), article);
    expect(result.ok).toBe(false);
  });

  it('does not take a single capitalised word that opens a sentence for a name', () => {
    const result = checkGrounded(withTakeaway(2, 'Officials expect ridership to grow by 15% within two years.'), article);
    expect(result).toEqual({ ok: true, problems: [] });
  });

  it('matches names ignoring case, a leading article and a possessive', () => {
    const result = checkGrounded(withTakeaway(2, "The State Auditor's level would not be met, according to Councillor James Ortiz."), article);
    expect(result).toEqual({ ok: true, problems: [] });
  });

  it('checks the numbers of a Chinese takeaway, full-width digits included', () => {
    const chinese: TakeawayInput = {
      title: '沪宁新高铁开通',
      body: '上海至南京的新高速铁路线今天正式开通。新线路全长300公里，每天开行120对列车。票价为150元。',
      language: 'zh-CN',
    };
    const ok = checkGrounded(['新高铁今天正式开通。', '线路全长３００公里。', '每天开行120对列车。'], chinese);
    const invented = checkGrounded(['新高铁今天正式开通。', '线路全长300公里。', '每天开行200对列车。'], chinese);
    expect(ok).toEqual({ ok: true, problems: [] });
    expect(invented.problems).toEqual(['Takeaway 3: the number 200 is not in the article.']);
  });

  it('requires between 3 and 5 takeaways', () => {
    expect(checkGrounded(grounded.slice(0, 2), article).problems).toEqual(['There are 2 takeaways; 3 to 5 are required.']);
  });

  it('rejects an empty takeaway, a repeated one, and one of two sentences', () => {
    const result = checkGrounded(['  ', grounded[0]!, grounded[0]!.toUpperCase(), 'The council voted on Tuesday. The mayor spoke.'], article);
    expect(result.problems).toEqual(['Takeaway 1 is empty.', 'Takeaway 3 repeats an earlier takeaway.', 'Takeaway 4 is more than one sentence.']);
  });

  it('rejects a takeaway longer than 220 characters', () => {
    const long = `The council approved the budget on Tuesday ${'and transport spending rises '.repeat(7)}by a fifth.`;
    expect(long.length).toBeGreaterThan(220);
    expect(checkGrounded(withTakeaway(0, long), article).problems).toEqual([`Takeaway 1 has ${long.length} characters; the limit is 220.`]);
  });
});
