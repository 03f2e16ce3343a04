import type { IndexedArticle, Posting } from '../../../../shared/domain/related';

/** An indexed article for ranking tests. */
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
    selfScore: 4,
    ...overrides,
  };
}

/** A posting of `article` for `term`. */
export function posting(term: string, article: IndexedArticle, frequency = 3): Posting {
  return { term, frequency, article };
}
