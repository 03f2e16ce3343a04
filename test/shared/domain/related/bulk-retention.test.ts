import { describe, expect, it } from 'vitest';
import { bulkRetention, DEFAULT_RELATED_PARAMETERS, retainNewest } from '../../../../shared/domain/related';

const hour = (h: number) => `2020-01-01T${String(h).padStart(2, '0')}:00:00.000Z`;
const doc = (id: string, h: number, section: string, listedUnder: string[]) => ({ article: { id, section, publishedAt: hour(h) }, listedUnder });

describe('retainNewest', () => {
  it('keeps the newest entries of each section, of the archive and of each listing, whatever the input order', () => {
    const documents = [
      doc('a', 1, 'World', ['rail', 'port']),
      doc('d', 4, 'world', ['rail']),
      doc('b', 2, 'Business', ['rail', 'rail']),
      doc('c', 3, 'World', ['port']),
    ];
    const kept = retainNewest(documents, { section: 2, archive: 3, listing: 2 });

    expect(kept.get('d')).toEqual({ section: true, archive: true, listedUnder: ['rail'] });
    expect(kept.get('c')).toEqual({ section: true, archive: true, listedUnder: ['port'] });
    expect(kept.get('b')).toEqual({ section: true, archive: true, listedUnder: ['rail'] });
    // Third of "World" (sections compare case-insensitively, as the index keys them), fourth of the archive, third under rail.
    expect(kept.get('a')).toEqual({ section: false, archive: false, listedUnder: ['port'] });
  });

  it('orders articles of the same time by id, as the index sorts its entries', () => {
    const kept = retainNewest([doc('x1', 5, 'World', []), doc('x2', 5, 'World', [])], { section: 1, archive: 1, listing: 1 });
    expect(kept.get('x2')?.section).toBe(true);
    expect(kept.get('x1')?.section).toBe(false);
  });

  it('keeps twice what a retrieval reads by default', () => {
    expect(bulkRetention(DEFAULT_RELATED_PARAMETERS)).toEqual({
      section: 2 * DEFAULT_RELATED_PARAMETERS.sectionWindow,
      archive: 2 * DEFAULT_RELATED_PARAMETERS.archiveWindow,
      listing: 2 * DEFAULT_RELATED_PARAMETERS.postingsPerTerm,
    });
  });
});
