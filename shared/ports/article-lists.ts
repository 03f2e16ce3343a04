import type { ArticleHead, ArticleHeadWithContent } from '../domain/article';
import type { ArticleListing, ListedArticle, ListEntry, PlannedListing } from '../domain/render';

/** The outcome of {@link ArticleLists.updateListing}. */
export interface ListingUpdate {
  /** Where the article is listed now; undefined when unlisted. */
  readonly listing?: ArticleListing;
  /** Ordinal count of every list the article was or is in, after the update. */
  readonly totals: Readonly<Record<string, number>>;
}

/** One article's listing change in {@link ArticleLists.updateListings}. */
export interface ListingChangeRequest {
  readonly id: string;
  /** Where it should be listed; undefined unlists it. */
  readonly next: ListedArticle | undefined;
  /** Where it is listed now, as read. */
  readonly previous: ArticleListing | undefined;
  /**
   * The head version `next` was made from. When given, the change is made only while the article's head is
   * still at this version; otherwise its listing stays as it was, and the newer version's own render lists or
   * unlists it (a render that read a story just before its withdrawal must not list it after the withdrawal's render).
   */
  readonly version?: number;
}

/** The outcome of {@link ArticleLists.updateListings}. */
export interface ListingsUpdate {
  /** Each article's update, by id: its totals are those after its own new ordinals (as one by one). */
  readonly updates: ReadonlyMap<string, ListingUpdate>;
  /** Ordinal count of every list touched, after the whole batch. */
  readonly totals: Readonly<Record<string, number>>;
}

/**
 * The read model behind list pages, feeds and sitemaps, kept in the article
 * table beside the heads (never HEAD items, so the stream filters ignore
 * them). Every read is a key lookup or a bounded Query; nothing scans.
 */
export interface ArticleLists {
  /** Where an article is listed now (as last rendered); undefined if it is not. */
  getListing(id: string): Promise<ArticleListing | undefined>;
  /** {@link getListing} for several articles, in as few requests as the store allows; unlisted ones left out. */
  getListings(ids: readonly string[]): Promise<Map<string, ArticleListing>>;
  /**
   * Lists `next` in every list it belongs to (home, section, tags, byline,
   * month) and removes it from the lists of `previous` it left, keeping the
   * ordinal it already had in a list; `next` undefined unlists it. New
   * ordinals come from an atomic per-list counter, then entries and the
   * listing are written in one transaction. A no-op when nothing changed.
   */
  updateListing(id: string, next: ListedArticle | undefined, previous: ArticleListing | undefined): Promise<ListingUpdate>;
  /**
   * {@link updateListing} for a batch of articles (each id once), with one counter update per list for the whole
   * batch (new ordinals in the batch's order), each article's entries and listing in a transaction of its own
   * (conditional on its head's `version` where the request names one; a refused article keeps its listing as read);
   * then the revision of every list whose entries changed is raised, once per list.
   */
  updateListings(changes: readonly ListingChangeRequest[]): Promise<ListingsUpdate>;
  /** Ordinals handed out in a list so far (0 for a new list). */
  total(listId: string): Promise<number>;
  /** The front page entries of a list of `total` ordinals, newest first. */
  front(listId: string, total: number): Promise<ListEntry[]>;
  /** The entries of archive page `page`, newest first. */
  archivePage(listId: string, page: number): Promise<ListEntry[]>;
  /** The newest `limit` entries, newest first. */
  latest(listId: string, limit: number): Promise<ListEntry[]>;
  /** Every entry of a list, newest first (a month's sitemap part). */
  all(listId: string): Promise<ListEntry[]>;
  /** Every month (`YYYY-MM`) that has had an article, oldest first. */
  months(): Promise<string[]>;
  /**
   * Each list's revision and total, read together and consistently (0 and 0
   * for a new list): {@link updateListings} raises the revision after writing
   * a list's entries, so a page that read a list whose revision has moved
   * since may show it as it was.
   */
  revisions(listIds: readonly string[]): Promise<Map<string, ListRevision>>;
}

/** A list's revision (raised after each change of its entries) and its total, as read at one moment. */
export interface ListRevision {
  readonly revision: number;
  readonly total: number;
}

/** What a rebuild's catch-up compares of a published article: which version of it, with which related links. */
export type PublishedVersion = Pick<ArticleHead, 'id' | 'version' | 'relatedRev'>;

/** Reads the whole archive for a rebuild. */
export interface ArchiveReader {
  /**
   * Every published article head with its content, oldest first, via the `byPublished` index (paginated Queries, not
   * a scan) and the version items of the heads that do not carry their content (batched reads).
   */
  publishedHeads(): Promise<ArticleHeadWithContent[]>;
  /** {@link publishedHeads} cut to what a catch-up compares: the same Queries, a fraction of the bytes. */
  publishedVersions(): Promise<PublishedVersion[]>;
  /** The current heads of `ids` with their content, whatever their stage (BatchGetItem); ones not found left out. */
  heads(ids: readonly string[]): Promise<ArticleHeadWithContent[]>;
}

/**
 * Bulk reads and writes of the list read model, for a whole-site rebuild:
 * the same items {@link ArticleLists.updateListing} writes, a whole archive at
 * a time. Ordinals are still handed out by the lists' atomic counters, so a
 * live publish during a rebuild never gets an ordinal the rebuild uses.
 */
export interface BulkArticleLists {
  /** The stored listings of `ids`; articles not listed are left out (BatchGetItem). */
  listings(ids: readonly string[]): Promise<Map<string, ArticleListing>>;
  /** Reserves `count` new ordinals in each list (one atomic counter update per list); the first reserved ordinal per list. */
  reserveOrdinals(counts: ReadonlyMap<string, number>): Promise<Map<string, number>>;
  /** Ordinals handed out so far in each of `listIds` (0 for a new list) (BatchGetItem). */
  totals(listIds: readonly string[]): Promise<Map<string, number>>;
  /** Every month (`YYYY-MM`) that has had an article, oldest first. */
  months(): Promise<string[]>;
  /**
   * Writes planned listings: each entry of the new listing, the listing item,
   * a delete for each list the article left, and the months of new month
   * lists (BatchWriteItem, several in flight, unprocessed items retried);
   * `onProgress` hears the share written as listings done of all.
   */
  writeListings(changes: readonly PlannedListing[], onProgress?: (done: number, total: number) => void): Promise<void>;
}
