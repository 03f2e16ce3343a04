import type { IndexedDocument } from '../../shared/ports/related-index';

/** A first-version index document listed under `terms`, each with frequency and weight 1. */
export const indexedDocumentAt = (id: string, publishedAt: string, terms: string[], section = 'News'): IndexedDocument => ({
  article: {
    id,
    slug: id,
    title: id,
    section,
    tags: [],
    language: 'en',
    publishedAt,
    status: 'published',
    length: terms.length,
    query: new Map(terms.map((term) => [term, 1])),
    frequencies: new Map(terms.map((term) => [term, 1])),
    selfScore: 1,
  },
  version: 1,
  listedUnder: terms,
  related: [],
  short: false,
});
