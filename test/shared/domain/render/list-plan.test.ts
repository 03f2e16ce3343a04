import { describe, expect, it } from 'vitest';
import { createMemoryLists } from '../../../../bench/site/memory-lists';
import {
  type ArticleListing,
  type ListedArticle,
  LIST_PAGE_SIZE,
  ListSnapshot,
  listedArticle,
  ordinalsNeeded,
  planListings,
} from '../../../../shared/domain/render';
import { articleHead } from '../../../support/article-fixtures';

const SECTIONS = ['World', 'Business', 'Tech'];

/** `count` articles, oldest first, over three sections, two months, a few tags and bylines. */
function archive(count: number): ListedArticle[] {
  return Array.from({ length: count }, (_, i) =>
    listedArticle(
      articleHead(`a${String(i).padStart(3, '0')}`, {
        section: SECTIONS[i % 3],
        tags: i % 4 === 0 ? ['Rail', 'Climate'] : [`Topic ${i % 5}`],
        byline: i % 2 ? 'Jane Doe' : undefined,
        publishedAt: new Date(Date.parse('2026-01-31T20:00:00Z') + i * 3_600_000).toISOString(),
      }),
    ),
  );
}

/** Lists `articles` one at a time with the incremental `updateListing` (the per-publish path), oldest first. */
async function incrementally(articles: readonly ListedArticle[], lists = createMemoryLists()) {
  for (const article of articles) await lists.updateListing(article.id, article, await lists.getListing(article.id));
  return lists;
}

/** Reserves ordinals as the table's counters would, from `counters` (list → ordinals handed out). */
function reserve(needed: ReadonlyMap<string, number>, counters: Map<string, number> = new Map()): Map<string, number> {
  const first = new Map<string, number>();
  for (const [id, count] of needed) {
    first.set(id, (counters.get(id) ?? 0) + 1);
    counters.set(id, (counters.get(id) ?? 0) + count);
  }
  return first;
}

describe('planListings', () => {
  it('lists a whole archive in memory exactly as publishing it one article at a time does', async () => {
    const articles = archive(50);
    const plan = planListings(articles, new Map(), reserve(ordinalsNeeded(articles, new Map())));
    const reference = await incrementally(articles);
    for (const article of articles) expect(plan.listings.get(article.id)).toEqual(await reference.getListing(article.id));
    expect(plan.changes).toHaveLength(50);
    expect(plan.listings.get('a000')?.ordinals).toEqual({ home: 1, 'section/world': 1, 'tag/rail': 1, 'tag/climate': 1, 'month/2026-01': 1 });
  });

  it('keeps stored ordinals, takes new ones after the counters, leaves lists an article left, and skips unchanged listings', async () => {
    const articles = archive(30);
    const reference = await incrementally(articles.slice(0, 20));
    const stored = new Map<string, ArticleListing>();
    for (const article of articles.slice(0, 20)) {
      const listing = await reference.getListing(article.id);
      if (listing) stored.set(article.id, listing);
    }
    // Article a003 was retagged since it was listed; the others are as stored.
    const retagged = articles.map((article) => (article.id === 'a003' ? { ...article, tags: ['Rail'] } : article));
    const counters = new Map(
      await Promise.all(
        [...new Set(retagged.flatMap((a) => Object.keys(stored.get(a.id)?.ordinals ?? {})))].map(
          async (id) => [id, await reference.total(id)] as const,
        ),
      ),
    );
    const needed = ordinalsNeeded(retagged, stored);
    expect(needed.get('tag/rail')).toBe(1 + 3); // a003, then a020, a024, a028
    const plan = planListings(retagged, stored, reserve(needed, counters));

    await incrementally(retagged, reference);
    for (const article of retagged) expect(plan.listings.get(article.id)).toEqual(await reference.getListing(article.id));
    expect(plan.changes.map((change) => change.id)).toEqual(['a003', ...articles.slice(20).map((article) => article.id)]);
    expect(plan.changes[0]?.previous?.ordinals['tag/topic-3']).toBeDefined();
    expect(plan.changes[0]?.listing.ordinals['tag/topic-3']).toBeUndefined();
  });

  it('refuses to hand out an ordinal no counter reserved', () => {
    expect(() => planListings(archive(1), new Map(), new Map())).toThrow(/No ordinals reserved/);
  });
});

describe('ListSnapshot', () => {
  it('answers page reads as the list read model does, counting the counter past withdrawn ordinals', async () => {
    const articles = archive(3 * LIST_PAGE_SIZE + 5);
    const reference = await incrementally(articles);
    // The newest article was withdrawn: its entries are gone, its ordinals stay handed out.
    const newest = articles.at(-1) as ListedArticle;
    await reference.updateListing(newest.id, undefined, await reference.getListing(newest.id));
    const listings: ArticleListing[] = [];
    for (const article of articles.slice(0, -1)) listings.push((await reference.getListing(article.id)) as ArticleListing);
    const ids = ['home', 'section/world', 'tag/rail', 'author/jane-doe', 'month/2026-02'];
    const snapshot = new ListSnapshot(
      listings,
      new Map(await Promise.all(ids.map(async (id) => [id, await reference.total(id)] as const))),
      await reference.months(),
    );

    expect(snapshot.total('home')).toBe(articles.length);
    for (const id of ids) {
      const total = await reference.total(id);
      expect(snapshot.front(id, total)).toEqual(await reference.front(id, total));
      expect(snapshot.archivePage(id, 1)).toEqual(await reference.archivePage(id, 1));
      expect(snapshot.latest(id, 7)).toEqual(await reference.latest(id, 7));
      expect(snapshot.all(id)).toEqual(await reference.all(id));
    }
    expect(snapshot.months()).toEqual(['2026-01', '2026-02']);
    expect(snapshot.front('home', articles.length)[0]?.id).toBe(articles.at(-2)?.id);
  });
});
