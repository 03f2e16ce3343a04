import { STAGES } from '../../../events/names';
import type { ArticleHead, DraftContent, RelatedLink, TakeawaysSource } from '../article';

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
}

/**
 * Plans the next version of an article from a validated draft, or returns
 * `undefined` when the draft bytes are those of the current live version
 * (a redelivered or repeated upload changes nothing).
 *
 * A version is owed an alert on its first publication, and again only when
 * the editor sets `breaking: true` on it.
 */
export function planNextVersion(input: NextVersionInput): ArticleHead | undefined {
  const { previous, draft, now } = input;
  if (previous && previous.sourceHash === input.sourceHash && previous.status !== 'withdrawn') return undefined;
  const scheduled = draft.publishAt !== undefined && Date.parse(draft.publishAt) > Date.parse(now);
  const everPublished = previous !== undefined && previous.status !== 'scheduled';
  const { takeaways: _editorTakeaways, ...content } = draft;
  return {
    ...content,
    id: input.id,
    version: (previous?.version ?? 0) + 1,
    status: scheduled ? 'scheduled' : 'published',
    stage: scheduled ? STAGES.scheduled : STAGES.render,
    takeaways: input.takeaways,
    takeawaysSource: input.takeawaysSource,
    related: input.related,
    publishedAt: everPublished ? previous.publishedAt : scheduled ? (draft.publishAt ?? now) : now,
    updatedAt: now,
    draftKey: input.draftKey,
    sourceHash: input.sourceHash,
    alertDue: !everPublished || draft.breaking,
  };
}
