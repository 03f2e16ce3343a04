import type { ArticleLists, BulkArticleLists, ListingsUpdate, ListingUpdate } from '../../shared/ports/article-lists';
import {
  archivePageRange,
  frontFloor,
  listId,
  listsOf,
  sameListing,
  type ArticleListing,
  type ListedArticle,
  type ListEntry,
} from '../../shared/domain/render';

/**
 * An in-memory {@link ArticleLists} (and its bulk side) with the same semantics as the DynamoDB one, for benchmarks and page fixtures.
 *
 * @param headVersion the version of an article's head now, for changes that name the version they were made from; without it those are never refused
 */
export function createMemoryLists(headVersion?: (id: string) => Promise<number | undefined>): ArticleLists & BulkArticleLists {
  const counters = new Map<string, number>();
  const lists = new Map<string, Map<number, ListEntry>>();
  const listings = new Map<string, ArticleListing>();
  const months = new Set<string>();
  const revisions = new Map<string, number>();

  const entriesOf = (id: string) => lists.get(id) ?? new Map<number, ListEntry>();
  const newestFirst = (id: string, from: number, to: number, limit = Infinity) => {
    const out: ListEntry[] = [];
    const entries = entriesOf(id);
    for (let ordinal = to; ordinal >= from && out.length < limit; ordinal -= 1) {
      const entry = entries.get(ordinal);
      if (entry) out.push(entry);
    }
    return out;
  };

  async function updateListing(id: string, next: ListedArticle | undefined, previous: ArticleListing | undefined): Promise<ListingUpdate> {
    const before = previous?.ordinals ?? {};
    const ordinals: Record<string, number> = {};
    const totals: Record<string, number> = {};
    for (const list of next ? listsOf(next).map(listId) : []) {
      const kept = before[list];
      if (kept !== undefined) ordinals[list] = kept;
      else {
        const count = (counters.get(list) ?? 0) + 1;
        counters.set(list, count);
        ordinals[list] = totals[list] = count;
        if (list.startsWith('month/')) months.add(list.slice('month/'.length));
      }
    }
    for (const [list, ordinal] of Object.entries(before)) if (ordinals[list] === undefined) entriesOf(list).delete(ordinal);
    for (const [list, ordinal] of Object.entries(ordinals)) {
      if (!lists.has(list)) lists.set(list, new Map());
      // Not `{ ...next, ordinal }`: V8 gives objects built that way a shape that is slow to create and to read.
      lists.get(list)?.set(ordinal, Object.assign({}, next as ListedArticle, { ordinal }));
    }
    const listing = next ? { article: next, ordinals } : undefined;
    if (!sameListing(listing, previous))
      for (const list of new Set([...Object.keys(ordinals), ...Object.keys(before)])) revisions.set(list, (revisions.get(list) ?? 0) + 1);
    if (listing) listings.set(id, listing);
    else listings.delete(id);
    for (const list of [...Object.keys(ordinals), ...Object.keys(before)]) totals[list] ??= counters.get(list) ?? 0;
    return { listing, totals };
  }

  return {
    listings: async (ids) => new Map(ids.flatMap((id) => (listings.has(id) ? [[id, listings.get(id) as ArticleListing]] : []))),
    reserveOrdinals: async (counts) =>
      new Map(
        [...counts].map(([id, count]) => {
          const first = (counters.get(id) ?? 0) + 1;
          counters.set(id, first + count - 1);
          return [id, first];
        }),
      ),
    totals: async (ids) => new Map(ids.map((id) => [id, counters.get(id) ?? 0])),
    writeListings: async (changes) => {
      for (const { id, listing, previous } of changes) {
        for (const [list, ordinal] of Object.entries(previous?.ordinals ?? {}))
          if (listing.ordinals[list] === undefined) entriesOf(list).delete(ordinal);
        for (const [list, ordinal] of Object.entries(listing.ordinals)) {
          if (!lists.has(list)) lists.set(list, new Map());
          lists.get(list)?.set(ordinal, Object.assign({}, listing.article, { ordinal }));
          if (list.startsWith('month/')) months.add(list.slice('month/'.length));
        }
        listings.set(id, listing);
      }
      const changed = new Set(
        changes.flatMap(({ listing, previous }) => [...Object.keys(listing.ordinals), ...Object.keys(previous?.ordinals ?? {})]),
      );
      for (const list of changed) revisions.set(list, (revisions.get(list) ?? 0) + 1);
    },
    getListing: async (id) => listings.get(id),
    getListings: async (ids) =>
      new Map(
        ids.flatMap((id) => {
          const listing = listings.get(id);
          return listing ? [[id, listing] as const] : [];
        }),
      ),
    updateListing,
    async updateListings(changes) {
      const updates = new Map<string, ListingUpdate>();
      const totals: Record<string, number> = {};
      for (const { id, next, previous, version } of changes) {
        const moved = version !== undefined && headVersion !== undefined && (await headVersion(id)) !== version;
        if (moved) updates.set(id, { listing: previous, totals: {} });
        else updates.set(id, await updateListing(id, next, previous));
      }
      for (const update of updates.values()) for (const list of Object.keys(update.totals)) totals[list] = counters.get(list) ?? 0;
      return { updates, totals } satisfies ListingsUpdate;
    },
    total: async (id) => counters.get(id) ?? 0,
    front: async (id, total) => newestFirst(id, frontFloor(total) + 1, total),
    archivePage: async (id, page) => {
      const [from, to] = archivePageRange(page);
      return newestFirst(id, from, to);
    },
    latest: async (id, limit) => newestFirst(id, 1, counters.get(id) ?? 0, limit),
    all: async (id) => newestFirst(id, 1, counters.get(id) ?? 0),
    months: async () => [...months].sort(),
    revisions: async (ids) => new Map(ids.map((id) => [id, { revision: revisions.get(id) ?? 0, total: counters.get(id) ?? 0 }])),
  };
}
