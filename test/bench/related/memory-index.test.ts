import { describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { countIndexRequests } from '../../../bench/related/request-count';
import { createTermCache } from '../../../bench/related/synthesise';
import type { IndexedDocument } from '../../../shared/ports/related-index';
import { articleTerms } from '../../../shared/domain/related';

const documentAt = (id: string, publishedAt: string, terms: string[]): IndexedDocument => ({
  article: {
    id,
    slug: id,
    title: id,
    section: 'News',
    tags: [],
    language: 'en',
    publishedAt,
    status: 'published',
    length: terms.length,
    query: new Map(terms.map((term) => [term, 1])),
    selfScore: 1,
  },
  version: 1,
  postings: new Map(terms.map((term) => [term, 1])),
  vocabulary: terms,
  related: [],
});

const hour = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();

describe('in-memory related index', () => {
  it('returns the newest `limit` postings of a term, newest first, whether imported or indexed one by one', async () => {
    const imported = createMemoryRelatedIndex();
    const published = createMemoryRelatedIndex();
    const hours = [5, 1, 9, 3, 7, 2, 8];
    await imported.importArticles(hours.map((h) => documentAt(`a${h}`, hour(h), ['rail'])));
    for (const h of hours) await published.indexArticle(documentAt(`a${h}`, hour(h), ['rail']));

    for (const index of [imported, published]) {
      const postings = await index.postings(['rail', 'rail'], 3);
      expect(postings.map((p) => p.article.id)).toEqual(['a9', 'a8', 'a7']);
    }
  });

  it('leaves a removed article out of its terms’ postings and counts', async () => {
    const index = createMemoryRelatedIndex();
    await index.importArticles([documentAt('a1', hour(1), ['rail']), documentAt('a2', hour(2), ['rail'])]);
    await index.removeArticle('a2');

    expect((await index.postings(['rail'], 10)).map((p) => p.article.id)).toEqual(['a1']);
    const stats = await index.archiveStats(['rail', 'never']);
    expect(stats.documents).toBe(1);
    expect([...stats.documentFrequencies]).toEqual([['rail', 1]]);
  });

  it('counts the requests the DynamoDB adapter would send: one BatchGetItem per 100 keys, one Query per distinct term', async () => {
    const { index, counts } = countIndexRequests(createMemoryRelatedIndex());
    await index.importArticles([documentAt('a1', hour(1), ['rail', 'strike'])]);
    // 150 distinct terms + the totals key = 151 keys: two BatchGetItem requests.
    await index.archiveStats(Array.from({ length: 150 }, (_, i) => `t${i}`));
    await index.postings(['rail', 'strike', 'rail', 'absent'], 40);

    expect(counts).toMatchObject({ batchGets: 2, queries: 3, gets: 0, reads: 5, postingsRead: 2 });
  });
});

describe('synthetic archive term cache', () => {
  it('gives the same weighted terms, in the same order, as articleTerms of the joined body', () => {
    const title = 'Rail strike ends after talks';
    const sentences = ['Union leaders met on Monday.', 'The strike cost £20m, rail bosses said.', 'Talks resume in May.'];
    const cached = createTermCache()(title, sentences);
    const direct = articleTerms({ title, tags: [], body: sentences.join(' '), language: 'en' });

    expect([...cached.frequencies]).toEqual([...direct.frequencies]);
    expect(cached.length).toBe(direct.length);
  });
});
