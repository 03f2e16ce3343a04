/** One-time publish schedules, at most one per article. */
export interface PublishScheduler {
  /**
   * Makes the article's schedule publish `version` at `at` (ISO 8601),
   * creating it or moving an existing one. The time is rounded up to the
   * whole second, so it never fires before `at`. The schedule deletes itself
   * after it ran.
   */
  schedule(articleId: string, version: number, at: string): Promise<void>;
  /** Deletes the article's schedule; nothing happens when it has none. */
  cancel(articleId: string): Promise<void>;
}
