import type { ArticleHead, ArticleHeadWithContent } from '../domain/article';

/** What the table already holds of an article an archive import brings. */
export interface StoredArticle {
  readonly id: string;
  readonly sourceHash: string;
  readonly status: ArticleHead['status'];
}

/** Bulk reads and writes of article heads for an archive import. */
export interface ArchiveStore {
  /** The stored heads among `ids` (BatchGetItem). */
  storedArticles(ids: readonly string[]): Promise<Map<string, StoredArticle>>;
  /** Which article holds each of `slugs`, for those that are claimed (BatchGetItem). */
  slugHolders(slugs: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes each article's head, its version item and its slug claim
   * (BatchWriteItem, unconditional): only for articles the caller found
   * absent, with slugs it found free.
   */
  writeArticles(heads: readonly ArticleHeadWithContent[]): Promise<void>;
}
