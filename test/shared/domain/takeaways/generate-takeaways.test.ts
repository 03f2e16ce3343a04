import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateTakeaways, type TakeawayInput } from '../../../../shared/domain/takeaways';
import {
  cosineSimilarity,
  inverseDocumentFrequencies,
  markdownToPlainParagraphs,
  splitSentences,
  tfIdfVector,
  tokenize,
} from '../../../../shared/domain/text';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

const english: TakeawayInput = {
  title: 'Council approves budget that boosts transport and freezes taxes',
  dek: 'The plan adds bus routes and extends light rail, but critics warn it drains the reserve fund.',
  body: fixture('council-budget.md'),
  language: 'en',
};

const chinese: TakeawayInput = {
  title: '沪宁新高铁开通 运行时间缩短至一小时',
  body: fixture('rail-line-zh.md'),
  language: 'zh-CN',
};

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();
const bodySentences = (input: TakeawayInput): string[] =>
  markdownToPlainParagraphs(input.body)
    .flatMap((p) => splitSentences(p, input.language))
    .map(squash);

describe('generateTakeaways', () => {
  it('returns between three and five takeaways for a news article', () => {
    const takeaways = generateTakeaways(english);
    expect(takeaways.length).toBeGreaterThanOrEqual(3);
    expect(takeaways.length).toBeLessThanOrEqual(5);
  });

  it('returns sentences of the body verbatim, modulo whitespace', () => {
    const sentences = bodySentences(english);
    for (const takeaway of generateTakeaways(english)) expect(sentences).toContain(squash(takeaway));
  });

  it('lists takeaways in article order', () => {
    const sentences = bodySentences(english);
    const positions = generateTakeaways(english).map((t) => sentences.indexOf(t));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('strips Markdown from the takeaways', () => {
    for (const takeaway of generateTakeaways(english)) expect(takeaway).not.toMatch(/[*_#[\]`>]|\]\(/);
  });

  it('keeps an abbreviation inside its sentence', () => {
    const takeaways = generateTakeaways(english, { max: 5, min: 5 });
    expect(takeaways.some((t) => t.startsWith('Mayor Dr. Alice Moreno said'))).toBe(true);
  });

  it('skips questions, quotation fragments and short sound bites', () => {
    const takeaways = generateTakeaways(english, { min: 5, max: 5 }).join('\n');
    expect(takeaways).not.toContain('?');
    expect(takeaways).not.toContain('We will keep fighting');
    expect(takeaways).not.toContain('waited a decade');
  });

  it('never uses a heading or a block quote as a takeaway', () => {
    const takeaways = generateTakeaways(english, { min: 5, max: 5 });
    expect(takeaways).not.toContain('What changes for residents');
    expect(takeaways.join(' ')).not.toContain("auditor's report");
  });

  it('chooses no two takeaways that say the same thing', () => {
    const repetitive: TakeawayInput = {
      title: 'Storm closes schools across the region',
      language: 'en',
      body: [
        'A powerful storm closed hundreds of schools across the region on Monday morning.',
        'Hundreds of schools across the region were closed by a powerful storm on Monday.',
        'Power lines were brought down in twelve towns and thousands of homes lost electricity.',
        'The regional weather service expects the storm to move out to sea by Wednesday night.',
        'Emergency crews cleared fallen trees from the main highway before the evening rush hour.',
        'Schools in the region were closed on Monday by the powerful storm, officials confirmed.',
      ].join(' '),
    };
    const takeaways = generateTakeaways(repetitive, { min: 4, max: 4 });
    const terms = takeaways.map((t) => tokenize(t, 'en'));
    const idf = inverseDocumentFrequencies(bodySentences(repetitive).map((s) => tokenize(s, 'en')));
    for (let i = 0; i < terms.length; i++) {
      for (let j = i + 1; j < terms.length; j++) {
        expect(cosineSimilarity(tfIdfVector(terms[i]!, idf), tfIdfVector(terms[j]!, idf))).toBeLessThan(0.5);
      }
    }
    expect(takeaways.filter((t) => /schools/i.test(t))).toHaveLength(1);
  });

  it('never repeats the dek', () => {
    const input: TakeawayInput = { ...english, dek: bodySentences(english)[0]! };
    expect(generateTakeaways(input)).not.toContain(bodySentences(english)[0]);
  });

  it('keeps every takeaway within maxChars', () => {
    for (const takeaway of generateTakeaways(english, { maxChars: 120 })) expect(takeaway.length).toBeLessThanOrEqual(120);
  });

  it('skips sentences over maxChars while shorter ones remain', () => {
    const takeaways = generateTakeaways(english, { maxChars: 120 });
    expect(takeaways.length).toBeGreaterThanOrEqual(3);
    expect(takeaways.every((t) => !t.endsWith('…'))).toBe(true);
  });

  it('cuts long sentences at a word with an ellipsis when nothing shorter remains', () => {
    const takeaways = generateTakeaways(english, { maxChars: 60 });
    expect(takeaways.length).toBeGreaterThanOrEqual(3);
    for (const t of takeaways) {
      expect(t.length).toBeLessThanOrEqual(60);
      if (t.endsWith('…')) expect(bodySentences(english).some((s) => s.startsWith(`${t.slice(0, -1)} `))).toBe(true);
    }
  });

  it('returns fewer than min when the body has fewer usable sentences', () => {
    const input: TakeawayInput = {
      title: 'Bridge reopens',
      language: 'en',
      body: 'The Tyne Bridge reopened to traffic on Friday after a two-year restoration. Is it safe? Yes.',
    };
    expect(generateTakeaways(input)).toEqual(['The Tyne Bridge reopened to traffic on Friday after a two-year restoration.']);
  });

  it('returns no takeaways for an empty body', () => {
    expect(generateTakeaways({ title: 'Nothing', body: '', language: 'en' })).toEqual([]);
  });

  it('respects max', () => {
    expect(generateTakeaways(english, { min: 1, max: 2 })).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(generateTakeaways(english)).toEqual(generateTakeaways(english));
    expect(generateTakeaways(chinese)).toEqual(generateTakeaways(chinese));
  });

  it('gives a Chinese article three to five takeaways, each a sentence of its body', () => {
    const takeaways = generateTakeaways(chinese);
    expect(takeaways.length).toBeGreaterThanOrEqual(3);
    expect(takeaways.length).toBeLessThanOrEqual(5);
    const sentences = bodySentences(chinese);
    for (const takeaway of takeaways) expect(sentences).toContain(takeaway);
  });

  it('skips a Chinese question', () => {
    expect(generateTakeaways(chinese, { min: 5, max: 5 }).join('')).not.toContain('？');
  });

  it('leads a Chinese article with its opening sentence', () => {
    expect(generateTakeaways(chinese)[0]).toBe('上海至南京的新高速铁路线今天正式开通运营，全程运行时间缩短至一个小时以内。');
  });
});
