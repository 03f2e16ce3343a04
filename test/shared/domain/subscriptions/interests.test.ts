import { describe, expect, it } from 'vitest';
import { alertInterestKeys, cleanList, readerInterestKeys, splitList, wantsAlert } from '../../../../shared/domain/subscriptions/interests';

const reader = (sections: string[], tags: string[] = [], breakingOnly = false) => ({ sections, tags, breakingOnly });
const alert = (section: string, tags: string[] = [], breaking = false) => ({ section, tags, breaking });

describe('reader interests', () => {
  it('lists a reader who follows nothing in particular under ALL, and one who follows sections under each', () => {
    expect(readerInterestKeys(reader([]))).toEqual(['ALL']);
    expect(readerInterestKeys(reader(['World', ' business '], ['AI']))).toEqual(['SECTION#world', 'SECTION#business', 'TAG#ai']);
  });

  it('sends a reader the stories of a followed section or tag, case-insensitively, and nothing else', () => {
    expect(wantsAlert(reader(['world']), alert('World'))).toBe(true);
    expect(wantsAlert(reader(['World']), alert('Business'))).toBe(false);
    expect(wantsAlert(reader([], ['AI']), alert('Business', ['ai', 'chips']))).toBe(true);
    expect(wantsAlert(reader([]), alert('Anything'))).toBe(true);
  });

  it('sends breaking-only readers breaking news of what they follow, and never ordinary stories', () => {
    expect(wantsAlert(reader(['World'], [], true), alert('World', [], false))).toBe(false);
    expect(wantsAlert(reader(['World'], [], true), alert('World', [], true))).toBe(true);
    expect(wantsAlert(reader([], [], true), alert('Tech', [], true))).toBe(true);
    expect(wantsAlert(reader(['World'], [], false), alert('World', [], true))).toBe(true);
  });

  it('pages the breaking-only partitions only for breaking news', () => {
    expect(alertInterestKeys(alert('World', ['AI']))).toEqual(['ALL', 'SECTION#world', 'TAG#ai']);
    expect(alertInterestKeys(alert('World', [], true))).toEqual(['ALL', 'SECTION#world', 'BREAKING#ALL', 'BREAKING#SECTION#world']);
  });

  it('cleans comma-separated form input into a de-duplicated list', () => {
    expect(splitList(' World, world ,, Tech ')).toEqual(['World', 'Tech']);
    expect(splitList(undefined)).toEqual([]);
    expect(cleanList(['A', 'a', ' '])).toEqual(['A']);
  });
});
