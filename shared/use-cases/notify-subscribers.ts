import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleStore } from '../ports/article-store';
import type { TopicPublisher } from '../ports/topic-publisher';
import { allows } from '../domain/lifecycle';
import { buildSubscriberAlert } from '../domain/publishing/subscriber-alert';

/** What alerting subscribers needs. */
export interface NotifyDependencies {
  readonly store: ArticleStore;
  readonly alerts: TopicPublisher;
  readonly siteUrl: string;
}

/** What happened to one notify request. */
export type NotifyOutcome = 'sent' | 'skipped';

/**
 * Sends the subscriber alert for a live article version, at most once. The
 * alert is first claimed (the lifecycle's `alertClaimed`) with a
 * conditional write, so a redelivered or concurrent request finds nothing to
 * claim; if publishing then fails the claim is released and the error rethrown
 * so the stream retries. Only a crash between claim and publish loses an alert.
 */
export async function notifySubscribers(deps: NotifyDependencies, ref: ArticleVersionRef): Promise<NotifyOutcome> {
  const head = await deps.store.getHead(ref.id);
  if (head?.version !== ref.version || !allows(head, { type: 'alertClaimed' })) return 'skipped';
  if (!(await deps.store.transition(head, { type: 'alertClaimed' }))) return 'skipped';
  try {
    await deps.alerts.publish(buildSubscriberAlert(head, deps.siteUrl));
  } catch (error) {
    await deps.store.transition(head, { type: 'alertFailed' });
    throw error;
  }
  return 'sent';
}
