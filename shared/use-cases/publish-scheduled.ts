import type { PublishScheduleInput } from '../../events/publish-schedule';
import type { ArticleStore } from '../ports/article-store';
import type { RelatedIndex } from '../ports/related-index';
import { allows } from '../domain/lifecycle';
import { findRelated, publishRelated } from './related-articles';
import { withContent } from '../domain/article-content';

/** What publishing a scheduled article needs. */
export interface PublishScheduledDependencies {
  readonly store: Pick<ArticleStore, 'getHead' | 'getContents' | 'transition'>;
  readonly related: RelatedIndex;
}

/** What happened to one publish request: published now, or nothing to do. */
export type PublishScheduledOutcome = 'published' | 'stale';

/**
 * Publishes an article whose scheduled time has come: if its head is still
 * the scheduled version the schedule names, it becomes published at the
 * render stage (so the site renders it and, once live, subscribers are
 * alerted), keeping its `publishedAt`. A head that moved on (a newer
 * version, a withdrawal, a reschedule to another version) or a repeated
 * delivery is `stale` and left alone. The write is conditional on the head
 * read, so a concurrent ingest wins. Its related links are found afresh at
 * publication, and it joins the related index (and its neighbours' lists)
 * only now, as a scheduled article must not be linked before it is live.
 */
export async function publishScheduled(deps: PublishScheduledDependencies, ref: PublishScheduleInput): Promise<PublishScheduledOutcome> {
  const head = await deps.store.getHead(ref.id);
  if (head?.version !== ref.version || !allows(head, { type: 'scheduleDue', publishedAt: head.publishedAt, related: [] })) return 'stale';
  const plan = await findRelated(deps.related, withContent(head, await deps.store.getContents([head])));
  if (!(await deps.store.transition(head, { type: 'scheduleDue', publishedAt: head.publishedAt, related: plan.links }))) return 'stale';
  await publishRelated({ index: deps.related, store: deps.store }, { ...head, status: 'published', related: plan.links }, plan);
  return 'published';
}
