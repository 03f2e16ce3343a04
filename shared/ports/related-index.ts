import type { ArchiveStats, CurrentRelated, IndexedArticle, Posting, ScoredLink } from '../domain/related';

/** Everything the index stores of one published article version. */
export interface IndexedDocument {
  readonly article: IndexedArticle;
  readonly version: number;
  /** Weighted frequencies of the article's query terms: one posting each. */
  readonly postings: ReadonlyMap<string, number>;
  /** The terms whose document frequencies this article counts in. */
  readonly vocabulary: readonly string[];
  /** The article's own related links with their scores. */
  readonly related: readonly ScoredLink[];
}

/** Options of {@link RelatedIndex.importArticles}. */
export interface ImportOptions {
  /** BatchWriteItem requests in flight. @default 8 */
  readonly concurrency?: number;
}

/**
 * The inverted index behind related links, kept in the article table: a
 * postings list per term (newest first), document frequencies, archive
 * totals, and per-article records. Every read is bounded by the number of
 * terms asked for, never by the size of the archive.
 */
export interface RelatedIndex {
  /** Archive totals and the document frequencies of `terms`: one BatchGetItem per 99 terms. */
  archiveStats(terms: readonly string[]): Promise<ArchiveStats>;
  /** The newest `perTermLimit` postings of each term: one Query per term, in parallel. */
  postings(terms: readonly string[], perTermLimit: number): Promise<Posting[]>;
  /** The recorded related lists of indexed articles (absent ids are left out): one BatchGetItem per 100 ids. */
  currentRelated(ids: readonly string[]): Promise<Map<string, CurrentRelated>>;
  /**
   * Indexes a published article version: its postings, its counts in the
   * document frequencies and totals, and its record, in one transaction; an
   * earlier version of it is removed first. `unchanged` when this version is
   * already indexed (a retried publish).
   */
  indexArticle(document: IndexedDocument): Promise<'indexed' | 'unchanged'>;
  /** Records a new related list for an indexed article version. False if that version is not indexed. */
  setRelated(id: string, version: number, related: readonly ScoredLink[]): Promise<boolean>;
  /** Takes an article out of the index (on withdrawal). False if it was not indexed. */
  removeArticle(id: string): Promise<boolean>;
  /**
   * Loads documents into an EMPTY index in bulk with BatchWriteItem
   * (backfill, full rebuild, benchmarks): frequencies and totals are written
   * as absolute values, so this must not run against a live index.
   */
  importArticles(documents: readonly IndexedDocument[], options?: ImportOptions): Promise<void>;
}
