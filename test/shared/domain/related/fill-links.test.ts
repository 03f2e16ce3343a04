import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RELATED_PARAMETERS as P,
  fillFromSection,
  refreshShortList,
  sampleStats,
  toRelatedLink,
  type ScoredLink,
} from '../../../../shared/domain/related';
import { indexed, using } from './fixtures';

const subject = { id: 'me', slug: 'slug-me', section: 'Business' };
const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T00:00:00.000Z`;
const link = (id: string, score: number, section = 'Business'): ScoredLink => ({ id, slug: `slug-${id}`, title: id, section, score });

describe('fillFromSection', () => {
  it('completes a short list with the most recent published stories of the section, marked as fill', () => {
    const pool = [
      indexed('old', { section: 'Business', publishedAt: day(1) }),
      indexed('newest', { section: 'business', publishedAt: day(9) }),
      indexed('other-section', { section: 'Sport', publishedAt: day(8) }),
      indexed('withdrawn', { section: 'Business', publishedAt: day(7), status: 'withdrawn' }),
      indexed('me', { section: 'Business', publishedAt: day(6) }),
      indexed('listed', { section: 'Business', publishedAt: day(5) }),
      indexed('middle', { section: 'Business', publishedAt: day(4) }),
    ];
    const filled = fillFromSection(subject, [link('listed', 0.8)], pool, P);
    expect(filled.map((l) => [l.id, l.fill ?? false])).toEqual([
      ['listed', false],
      ['newest', true],
      ['middle', true],
    ]);
  });

  it('leaves a list of three close matches alone and gives fewer only when the section has too few stories', () => {
    const three = [link('a', 0.9), link('b', 0.5), link('c', 0.2)];
    expect(fillFromSection(subject, three, [indexed('x', { section: 'Business' })], P)).toEqual(three);
    expect(fillFromSection(subject, [], [indexed('x', { section: 'Business' }), indexed('x', { section: 'Business' })], P)).toHaveLength(1);
  });

  it('stores the fill mark on the article link only for fill links', () => {
    expect(toRelatedLink({ ...link('a', 0), fill: true })).toEqual({ slug: 'slug-a', title: 'a', section: 'Business', fill: true });
    expect(toRelatedLink(link('b', 0.4))).toEqual({ slug: 'slug-b', title: 'b', section: 'Business' });
  });
});

describe('refreshShortList', () => {
  const record = indexed('me', { section: 'Business', query: new Map([['chip', 2]]), frequencies: new Map([['chip', 3]]), selfScore: 4 });

  it('ranks close matches first, then fills from the section', () => {
    const pool = [
      using('chip', 'match', { section: 'Tech', publishedAt: day(2) }),
      indexed('recent', { section: 'Business', publishedAt: day(9) }),
      indexed('older', { section: 'Business', publishedAt: day(3) }),
    ];
    const related = refreshShortList(record, [], pool, 100, P);
    expect(related?.map((l) => [l.id, l.fill ?? false])).toEqual([
      ['match', false],
      ['recent', true],
      ['older', true],
    ]);
  });

  it('keeps current text links the pool no longer holds, and gives nothing when the list would not grow', () => {
    const kept = link('kept', 0.7, 'World');
    const pool = [indexed('b1', { section: 'Business', publishedAt: day(2) }), indexed('b2', { section: 'Business', publishedAt: day(1) })];
    expect(refreshShortList(record, [kept], pool, 100, P)?.map((l) => l.id)).toEqual(['kept', 'b1', 'b2']);
    expect(refreshShortList(record, [kept], [], 100, P)).toBeUndefined();
  });
});

describe('sampleStats', () => {
  it('counts each sampled record once: documents, total length, and document frequencies of the asked terms', () => {
    const a = indexed('a', {
      length: 10,
      frequencies: new Map([
        ['chip', 1],
        ['rail', 2],
      ]),
    });
    const b = indexed('b', { length: 30, frequencies: new Map([['chip', 4]]) });
    const stats = sampleStats([a, b, a], ['chip', 'rail', 'absent']);
    expect(stats).toEqual({
      documents: 2,
      totalLength: 40,
      documentFrequencies: new Map([
        ['chip', 2],
        ['rail', 1],
      ]),
    });
  });
});
