import { describe, expect, it } from 'vitest';
import { MAX_SLUG_LENGTH, slugify, slugProblem } from '../../../../shared/domain/draft';

describe('slugify', () => {
  it('lowercases and joins words with single hyphens', () => {
    expect(slugify('A Digital Ceasefire? US & China -- Talk')).toBe('a-digital-ceasefire-us-china-talk');
  });

  it('keeps Chinese characters', () => {
    expect(slugify('中美开启人工智能对话')).toBe('中美开启人工智能对话');
  });

  it('keeps Cyrillic, Arabic and Devanagari letters with their marks', () => {
    expect(slugify('Привет, мир')).toBe('привет-мир');
    expect(slugify('مرحبا بالعالم')).toBe('مرحبا-بالعالم');
    expect(slugify('हिन्दी समाचार')).toBe('हिन्दी-समाचार');
  });

  it('removes Latin diacritics and spells special Latin letters plainly', () => {
    expect(slugify('Crème Brûlée in Straße, Øresund')).toBe('creme-brulee-in-strasse-oresund');
  });

  it('applies NFKC, so full-width letters and ligatures become plain', () => {
    expect(slugify('ＡＢＣ ﬁle')).toBe('abc-file');
  });

  it('cuts a long title at a word boundary within the limit', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^(word-)*word$/);
  });

  it('cuts a long title without hyphens at the limit, by code point', () => {
    expect([...slugify('中'.repeat(150))]).toHaveLength(MAX_SLUG_LENGTH);
  });

  it('falls back to a- and a stable hash when nothing is left', () => {
    const slug = slugify('🎉🎉🎉');
    expect(slug).toMatch(/^a-[0-9a-f]{8}$/);
    expect(slugify('🎉🎉🎉')).toBe(slug);
    expect(slugify('😀')).not.toBe(slug);
  });

  it('always produces a slug that an explicit slug check accepts', () => {
    for (const title of ['Hello, World!', '中美开启人工智能对话', '🎉', 'İstanbul’da Çay', 'x'.repeat(300)]) {
      expect(slugProblem(slugify(title))).toBeUndefined();
    }
  });
});
