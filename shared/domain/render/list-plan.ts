import type { ArticleListing, ListedArticle, ListEntry } from './listing';
import { archivePageRange, frontFloor, listId, listsOf } from './listing';

/** One article's listing before and after a bulk plan. */
export interface PlannedListing {
  readonly id: string;
  readonly listing: ArticleListing;
  readonly previous?: ArticleListing;
}

/** What a bulk listing plan writes and what the lists hold afterwards. */
export interface ListPlan {
  /** Every planned article's listing, by article id. */
  readonly listings: ReadonlyMap<string, ArticleListing>;
  /** The listings that differ from what was stored (only these are written), oldest first. */
  readonly changes: readonly PlannedListing[];
}

/**
 * How many new ordinals each list needs so that every article in `articles`
 * (oldest first) is listed where it belongs: one for each list an article is
 * not yet in. Lists needing none are left out.
 */
export function ordinalsNeeded(articles: readonly ListedArticle[], stored: ReadonlyMap<string, ArticleListing>): Map<string, number> {
  const needed = new Map<string, number>();
  for (const article of articles) {
    const before = stored.get(article.id)?.ordinals ?? {};
    for (const ref of listsOf(article)) {
      const id = listId(ref);
      if (before[id] === undefined) needed.set(id, (needed.get(id) ?? 0) + 1);
    }
  }
  return needed;
}

/**
 * Lists every article of `articles` (oldest first) in bulk, with the result
 * the one-article-at-a-time `updateListing` gives when called in that order:
 * an article keeps the ordinal it has in a list, takes the next free one
 * (from `firstFree`, the first ordinal reserved per list, numbering up)
 * where it is new, and leaves the lists it no longer belongs to. A listing
 * equal to the stored one is not a change.
 */
export function planListings(
  articles: readonly ListedArticle[],
  stored: ReadonlyMap<string, ArticleListing>,
  firstFree: ReadonlyMap<string, number>,
): ListPlan {
  const next = new Map(firstFree);
  const listings = new Map<string, ArticleListing>();
  const changes: PlannedListing[] = [];
  for (const article of articles) {
    const previous = stored.get(article.id);
    const before = previous?.ordinals ?? {};
    const ordinals: Record<string, number> = {};
    for (const ref of listsOf(article)) {
      const id = listId(ref);
      const kept = before[id];
      if (kept !== undefined) ordinals[id] = kept;
      else {
        const ordinal = next.get(id);
        if (ordinal === undefined) throw new Error(`No ordinals reserved for list ${id}`);
        ordinals[id] = ordinal;
        next.set(id, ordinal + 1);
      }
    }
    const listing: ArticleListing = { article, ordinals };
    listings.set(article.id, listing);
    if (!previous || !sameListing(listing, previous)) changes.push(previous ? { id: article.id, listing, previous } : { id: article.id, listing });
  }
  return { listings, changes };
}

/** Whether two listings (or their absence) hold the same values, whatever order their keys were read or built in. */
export function sameListing(a: ArticleListing | undefined, b: ArticleListing | undefined): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** JSON with object keys sorted, so that two listings read and built in different key orders compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * The lists of a whole site held in memory, built from every listing and the
 * lists' totals: answers the reads of page rendering (the `ListReader` of
 * `render-pages`) without a request, with the table adapter's results.
 */
export class ListSnapshot {
  private readonly entries = new Map<string, ListEntry[]>();

  /**
   * @param listings every listed article's listing
   * @param totals ordinals handed out per list (the lists' counters; may exceed the highest ordinal listed)
   * @param months every month that has had an article (`YYYY-MM`)
   */
  constructor(
    listings: Iterable<ArticleListing>,
    private readonly totals: ReadonlyMap<string, number>,
    private readonly monthNames: readonly string[],
  ) {
    for (const { article, ordinals } of listings) {
      for (const [id, ordinal] of Object.entries(ordinals)) {
        let list = this.entries.get(id);
        if (!list) {
          list = [];
          this.entries.set(id, list);
        }
        // Not `{ ...article, ordinal }`: V8 gives objects built that way a shape that is slow to create and to read.
        list.push(Object.assign({}, article, { ordinal }));
      }
    }
    for (const list of this.entries.values()) list.sort((a, b) => b.ordinal - a.ordinal);
  }

  /** Every list id with at least one entry or a counter. */
  listIds(): string[] {
    return [...new Set([...this.entries.keys(), ...this.totals.keys()])];
  }

  total(id: string): number {
    return this.totals.get(id) ?? 0;
  }

  /** Entries with ordinals in `[from, to]`, newest first, at most `limit`. */
  private range(id: string, from: number, to: number, limit = Number.POSITIVE_INFINITY): ListEntry[] {
    const out: ListEntry[] = [];
    for (const entry of this.entries.get(id) ?? []) {
      if (out.length >= limit || entry.ordinal < from) break;
      if (entry.ordinal <= to) out.push(entry);
    }
    return out;
  }

  front(id: string, total: number): ListEntry[] {
    return this.range(id, frontFloor(total) + 1, total);
  }

  archivePage(id: string, page: number): ListEntry[] {
    const [from, to] = archivePageRange(page);
    return this.range(id, from, to);
  }

  latest(id: string, limit: number): ListEntry[] {
    return (this.entries.get(id) ?? []).slice(0, limit);
  }

  all(id: string): ListEntry[] {
    return [...(this.entries.get(id) ?? [])];
  }

  months(): string[] {
    return [...this.monthNames].sort();
  }
}
