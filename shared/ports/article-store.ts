import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleContent, ArticleHead, ArticleHeadWithContent, ArticleSummary } from '../domain/article';
import type { HeadEvent } from '../domain/lifecycle';

/** The outcome of saving a new version of an article. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly head: ArticleHead }
  | { readonly kind: 'slug-taken'; readonly holder: { readonly id: string; readonly title: string; readonly draftKey: string } };

/** Article persistence: versioned heads, slug claims and the published list, in one table. */
export interface ArticleStore {
  /** The current head of an article, read consistently; undefined if it never existed. */
  getHead(id: string): Promise<ArticleHead | undefined>;
  /** The current heads of several articles, read consistently in as few requests as the store allows; absent ones left out. */
  getHeads(ids: readonly string[]): Promise<Map<string, ArticleHead>>;
  /**
   * The content (kept off the head) of the version each ref names, by article id, read consistently in as few
   * requests as the store allows; versions not stored are left out.
   */
  getContents(refs: readonly ArticleVersionRef[]): Promise<Map<string, ArticleContent>>;
  /**
   * Writes `next` as the new head (its content aside) and as an immutable version item (content included), and
   * claims its slug, in one transaction. `previousVersion` guards against a concurrent writer (0 for a new article).
   */
  saveVersion(next: ArticleHeadWithContent, previousVersion: number): Promise<SaveOutcome>;
  /** Published articles, newest first. */
  listPublished(limit: number): Promise<ArticleSummary[]>;
  /** The head of the article that holds `slug`, if any. */
  headBySlug(slug: string): Promise<ArticleHead | undefined>;
  /**
   * Every head with work left in the pipeline (a stage of `UNFINISHED_STAGES`
   * in `shared/domain/lifecycle`), longest waiting first. The reconciler,
   * `newsroom status` and the stuck-head checks all ask this one question.
   */
  listUnfinished(): Promise<ArticleHead[]>;
  /** Every stored version of an article, oldest first, content included. */
  listVersions(id: string): Promise<ArticleHeadWithContent[]>;
  /**
   * Applies a head event of the lifecycle table to version `version` of an
   * article, in one conditional write whose condition is the event's guard
   * (see `shared/domain/lifecycle`). False if the head moved on or the guard
   * no longer holds, so a redelivered or concurrent event changes nothing.
   */
  transition(ref: ArticleVersionRef, event: HeadEvent): Promise<boolean>;
}

/** The read-only questions an operator asks of the article table (`newsroom status`, `newsroom timeline`). */
export type ArticleQueries = Pick<ArticleStore, 'headBySlug' | 'listUnfinished' | 'listPublished'>;
