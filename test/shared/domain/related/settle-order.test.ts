import { describe, expect, it } from 'vitest';
import { settleOrder } from '../../../../shared/domain/related';

const short = (section: string, day: number) => ({
  id: `${section}-${day}`,
  article: { section, publishedAt: `2026-11-${String(day).padStart(2, '0')}T00:00:00Z` },
});

describe('the settle order of short lists', () => {
  it('shares the limit round robin over sections, newest first in each, whatever order they were read in', () => {
    // Read in key order: a section with many shorts first, as the index returns them (section descending).
    const read = [...[1, 2, 3, 4, 5, 6].map((day) => short('World', day)), short('Arts', 3), short('Arts', 9), short('Business', 1)];
    expect(settleOrder(read, 5).map((s) => s.id)).toEqual(['World-6', 'Arts-9', 'Business-1', 'World-5', 'Arts-3']);
  });

  it('takes everything when the limit is larger than what was read, and nothing at a limit of 0', () => {
    const read = [short('World', 1), short('Arts', 2)];
    expect(settleOrder(read, 10)).toHaveLength(2);
    expect(settleOrder(read, 0)).toEqual([]);
  });
});
