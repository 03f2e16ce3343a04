import type { ArticleHead } from '../article';

/**
 * Milliseconds from the moment a published version was due to go live to
 * `liveAt`, when its pages were written: from the editor's save (the S3 event
 * time), or from its publish time when it was scheduled for later. Undefined
 * for a version not published, with no save time, or whose pages were already
 * written once (`alreadyListed`: a re-render for related links or a nudge).
 */
export function dropToLiveMs(
  head: Pick<ArticleHead, 'status' | 'savedAt' | 'publishedAt'>,
  liveAt: Date,
  alreadyListed: boolean,
): number | undefined {
  if (head.status !== 'published' || !head.savedAt || alreadyListed) return undefined;
  const due = Math.max(Date.parse(head.savedAt), Date.parse(head.publishedAt));
  return Number.isNaN(due) ? undefined : Math.max(0, liveAt.getTime() - due);
}
