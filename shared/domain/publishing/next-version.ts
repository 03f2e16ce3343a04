import type { ArticleHead, ArticleHeadWithContent, DraftContent, RelatedLink, TakeawaysSource } from '../article';
import { applyEvent, savedVersionState } from '../lifecycle';

/** Everything that decides an article's next version. */
export interface NextVersionInput {
  readonly id: string;
  readonly draftKey: string;
  readonly draft: DraftContent;
  readonly sourceHash: string;
  readonly takeaways: readonly string[];
  readonly takeawaysSource: TakeawaysSource;
  readonly related: readonly RelatedLink[];
  /** The current head, if the article exists. */
  readonly previous: ArticleHead | undefined;
  /** ISO 8601 instant of this ingest. */
  readonly now: string;
  /** When the editor saved the draft (the S3 event time), if known. */
  readonly savedAt?: string;
}

/** Whether a draft's bytes are those of the article's current version, so an upload changes nothing. */
export function isUnchanged(previous: ArticleHead | undefined, sourceHash: string): boolean {
  return previous !== undefined && previous.sourceHash === sourceHash && previous.status !== 'withdrawn';
}

/**
 * Plans the next version of an article from a validated draft, or returns
 * `undefined` when the draft bytes are those of the current version (a
 * redelivered or repeated upload changes nothing). A withdrawn article comes
 * back with the same bytes.
 *
 * A future `publishAt` schedules an article that has never been live; a live
 * article stays live (an update cannot take it off the site). A version is
 * owed an alert on the article's first publication, and again only when the
 * editor newly flags it `breaking: true`.
 */
export function planNextVersion(input: NextVersionInput): ArticleHeadWithContent | undefined {
  const { previous, draft, now } = input;
  if (isUnchanged(previous, input.sourceHash)) return undefined;
  const wentLive = previous?.wentLive ?? previous?.status === 'published';
  const scheduled = !wentLive && draft.publishAt !== undefined && Date.parse(draft.publishAt) > Date.parse(now);
  const { takeaways: _editorTakeaways, ...content } = draft;
  return {
    ...content,
    id: input.id,
    version: (previous?.version ?? 0) + 1,
    takeaways: input.takeaways,
    takeawaysSource: input.takeawaysSource,
    related: input.related,
    publishedAt: wentLive && previous ? previous.publishedAt : scheduled ? (draft.publishAt ?? now) : now,
    updatedAt: now,
    draftKey: input.draftKey,
    ...(input.savedAt ? { savedAt: input.savedAt } : {}),
    sourceHash: input.sourceHash,
    alertDue: !wentLive || (draft.breaking && !previous?.breaking),
    wentLive: wentLive || !scheduled,
    ...savedVersionState(scheduled),
  };
}

/**
 * The version that withdraws an article: same content, off every list,
 * nothing owed to subscribers. Undefined when the lifecycle has nothing to
 * withdraw (the article is already withdrawn).
 */
export function planWithdrawal(previous: ArticleHead, now: string): ArticleHead | undefined {
  const withdrawn = applyEvent(previous, { type: 'draftDeleted' });
  if (!withdrawn) return undefined;
  // Nudges and the save time belong to a version: the new one starts without them.
  const { nudgedAt: _nudgedAt, nudges: _nudges, savedAt: _savedAt, relatedPending: _pending, relatedRev: _rev, ...state } = withdrawn;
  return { ...state, version: previous.version + 1, updatedAt: now };
}
