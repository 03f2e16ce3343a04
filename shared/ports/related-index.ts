import type { BulkRetention, CurrentRelated, IndexedArticle, ScoredLink } from '../domain/related';

/** Everything the index stores of one published article version. */
export interface IndexedDocument {
  /** The article's compact term record (query weights and the frequencies of its query terms). */
  readonly article: IndexedArticle;
  readonly version: number;
  /** The few terms the article is listed under (its heaviest query terms): one listing each. */
  readonly listedUnder: readonly string[];
  /** The article's own related links with their scores. */
  readonly related: readonly ScoredLink[];
  /** The list holds fewer links than wanted: the article is recorded for refreshes and the settle pass. */
  readonly short: boolean;
}

/** An article recorded with a short related list. */
export interface ShortList extends CurrentRelated {
  readonly article: IndexedArticle;
}

/** What {@link RelatedIndex.setRelated} did. */
export type SetRelatedResult =
  | { readonly written: true }
  | {
      readonly written: false;
      /**
       * The version's list as the index holds it, when the refusal showed it: the stored item that failed the write's
       * condition, the one read to find that the list had changed, or a newer copy this index instance wrote or read
       * since the caller's (the write is then not sent). A caller plans again over it without reading the list again.
       * Absent when that version is not indexed.
       */
      readonly current?: CurrentRelated;
    };

/** Options of {@link RelatedIndex.importArticles}. */
export interface ImportOptions {
  /** BatchWriteItem requests in flight. @default 8 */
  readonly concurrency?: number;
  /**
   * Write only the newest entries of each recency list and listing among the
   * documents of the call (see `retainNewest`); every document's record and
   * short-list marker is still written. @default every entry
   */
  readonly retention?: BulkRetention;
  /** Called after each chunk of documents is written: documents done, documents in the call. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Asked before each chunk: true stops the load there (chunks written stay whole). */
  readonly stopRequested?: () => boolean;
}

/**
 * The index behind related links, kept in the article table: each article's
 * compact term record, written once per article and also under its section's
 * and the archive's recency lists and under a few listing terms; no shared
 * counters, so publishes never contend. Every read is bounded by its limits,
 * never by the size of the archive.
 */
export interface RelatedIndex {
  /**
   * The newest `sectionLimit` records of `section` and the newest `archiveLimit` of the archive, only those published
   * at or after `since` (ISO 8601) when given: a Query per list whose limit is not zero.
   */
  recent(section: string, sectionLimit: number, archiveLimit: number, since?: string): Promise<IndexedArticle[]>;
  /** The newest `perTermLimit` records listed under each term: one Query per term, in parallel. */
  listed(terms: readonly string[], perTermLimit: number): Promise<IndexedArticle[]>;
  /** The recorded related lists of indexed articles (absent ids are left out): one BatchGetItem per 100 ids. */
  currentRelated(ids: readonly string[]): Promise<Map<string, CurrentRelated>>;
  /** Up to `limit` articles recorded with short lists, of one section or of all: one Query. */
  shortLists(section: string | undefined, limit: number): Promise<ShortList[]>;
  /**
   * Indexes a published article version in one transaction of at most
   * `3 + listedUnder.length + 1` writes (record, two recency entries,
   * listings, short-list marker), replacing an earlier version's entries.
   * `unchanged` when this version is already indexed (a retried publish).
   */
  indexArticle(document: IndexedDocument): Promise<'indexed' | 'unchanged'>;
  /**
   * Records a new related list for an indexed article version (and whether it
   * is still short) over list `revision`. Refused (`written: false`) if that version is not indexed or its list
   * changed since (the caller computed from a stale list); the list as it now is comes with the refusal.
   */
  setRelated(
    ref: { readonly id: string; readonly version: number; readonly revision: number },
    related: readonly ScoredLink[],
    short: boolean,
  ): Promise<SetRelatedResult>;
  /** Takes an article out of the index (on withdrawal). False if it was not indexed. */
  removeArticle(id: string): Promise<boolean>;
  /**
   * Loads documents in bulk with BatchWriteItem (archive import, backfill,
   * benchmarks): the same items `indexArticle` writes, without its
   * transaction. Nothing is counted, so it is safe beside live publishes, but
   * it does not remove earlier versions' entries: use it for articles not yet
   * indexed. Written in chunks, each chunk's list entries before its records,
   * so an article whose record is stored has all its entries.
   */
  importArticles(documents: readonly IndexedDocument[], options?: ImportOptions): Promise<void>;
}
