import { describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { countIndexRequests } from '../../../bench/related/request-count';
import { createTermCache } from '../../../bench/related/synthesise';
import { indexedDocumentAt } from '../../support/indexed-document';
import { articleTerms } from '../../../shared/domain/related';

const documentAt = (id: string, publishedAt: string, terms: string[]) => indexedDocumentAt(id, publishedAt, terms);

const hour = (h: number) => new Date(Date.UTC(2026, 0, 1, h)).toISOString();

describe('in-memory related index', () => {
  it('returns the newest `limit` records listed under a term, newest first, whether imported or indexed one by one', async () => {
    const imported = createMemoryRelatedIndex();
    const published = createMemoryRelatedIndex();
    const hours = [5, 1, 9, 3, 7, 2, 8];
    await imported.importArticles(hours.map((h) => documentAt(`a${h}`, hour(h), ['rail'])));
    for (const h of hours) await published.indexArticle(documentAt(`a${h}`, hour(h), ['rail']));

    for (const index of [imported, published]) {
      expect((await index.listed(['rail', 'rail'], 3)).map((record) => record.id)).toEqual(['a9', 'a8', 'a7']);
      expect((await index.recent('news', 10, 10, hour(7))).map((record) => record.id)).toEqual(['a9', 'a8', 'a7', 'a9', 'a8', 'a7']);
      expect((await index.recent('news', 2, 1)).map((record) => record.id)).toEqual(['a9', 'a8', 'a9']);
    }
  });

  it('leaves a removed article out of every list', async () => {
    const index = createMemoryRelatedIndex();
    await index.importArticles([documentAt('a1', hour(1), ['rail']), { ...documentAt('a2', hour(2), ['rail']), short: true }]);
    await index.removeArticle('a2');

    expect((await index.listed(['rail'], 10)).map((record) => record.id)).toEqual(['a1']);
    expect((await index.recent('News', 10, 10)).map((record) => record.id)).toEqual(['a1', 'a1']);
    expect(await index.shortLists(undefined, 10)).toEqual([]);
  });

  it('lists short lists of one section only, newest first', async () => {
    const index = createMemoryRelatedIndex();
    const other = documentAt('b1', hour(3), ['rail']);
    await index.importArticles([
      { ...documentAt('a1', hour(1), ['rail']), short: true },
      { ...documentAt('a2', hour(2), ['rail']), short: true },
      { ...other, article: { ...other.article, section: 'Newsroom' }, short: true },
    ]);
    expect((await index.shortLists('News', 10)).map((short) => short.id)).toEqual(['a2', 'a1']);
    expect((await index.shortLists(undefined, 10)).map((short) => short.id)).toEqual(['b1', 'a2', 'a1']);
  });

  it('counts the requests the DynamoDB adapter would send: two Queries for the recency lists, one per distinct listing term', async () => {
    const { index, counts } = countIndexRequests(createMemoryRelatedIndex());
    await index.indexArticle({ ...documentAt('a1', hour(1), ['rail', 'strike']), short: true });
    await index.recent('News', 10, 10);
    await index.listed(['rail', 'strike', 'rail', 'absent'], 40);

    expect(counts).toMatchObject({ batchGets: 0, queries: 5, gets: 1, reads: 6, recordsRead: 4, indexItemsWritten: 3 + 2 + 1 });
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

  it('loads in bulk only the newest entries of each list when given a retention, as the DynamoDB index does', async () => {
    const index = createMemoryRelatedIndex();
    const hours = [5, 1, 9, 3, 7, 2, 8];
    await index.importArticles(
      hours.map((h) => documentAt(`a${h}`, hour(h), ['rail'])),
      { retention: { section: 2, archive: 3, listing: 4 } },
    );

    expect((await index.listed(['rail'], 10)).map((record) => record.id)).toEqual(['a9', 'a8', 'a7', 'a5']);
    expect((await index.recent('news', 10, 10)).map((record) => record.id)).toEqual(['a9', 'a8', 'a9', 'a8', 'a7']);
    expect((await index.currentRelated(hours.map((h) => `a${h}`))).size).toBe(7);
    await index.removeArticle('a9');
    await index.removeArticle('a1');
    expect((await index.listed(['rail'], 10)).map((record) => record.id)).toEqual(['a8', 'a7', 'a5']);
  });
});
