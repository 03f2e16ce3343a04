import type { IndexedArticle } from '../../../../shared/domain/related';

/** An indexed article record for ranking tests: uses "topic" (and whatever `frequencies` adds). */
export function indexed(id: string, overrides: Partial<IndexedArticle> = {}): IndexedArticle {
  return {
    id,
    slug: `slug-${id}`,
    title: `Title ${id}`,
    section: 'World',
    tags: [],
    language: 'en',
    publishedAt: '2026-01-01T00:00:00.000Z',
    status: 'published',
    length: 100,
    query: new Map([['topic', 2]]),
    frequencies: new Map([['topic', 2]]),
    selfScore: 4,
    ...overrides,
  };
}

/** A record of an article that uses `term` `frequency` times. */
export function using(term: string, id: string, overrides: Partial<IndexedArticle> = {}, frequency = 3): IndexedArticle {
  return indexed(id, { frequencies: new Map([[term, frequency]]), ...overrides });
}
