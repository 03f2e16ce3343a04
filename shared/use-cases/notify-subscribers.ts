import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ArticleHead } from '../domain/article';
import type { ArticleStore } from '../ports/article-store';
import { PublishRejectedError, type TopicPublisher } from '../ports/topic-publisher';
import { ALERT_SENT_EVENTS, allows } from '../domain/lifecycle';
import { transitionFirst } from './transition-first';
import { buildSubscriberAlert } from '../domain/publishing/subscriber-alert';
import { withContent } from '../domain/article-content';

/** What alerting subscribers needs. */
export interface NotifyDependencies {
  readonly store: ArticleStore;
  readonly alerts: TopicPublisher;
  readonly siteUrl: string;
}

/**
 * What happened to one notify request. `in-doubt`: the alert was claimed and
 * publishing it ended without proof either way (a timeout, a server error, a
 * failure to record it as sent); the head stays at `alerting` for an
 * operator, and nothing sends it again on its own.
 */
export type NotifyOutcome = 'sent' | 'skipped' | 'in-doubt';

/** The outcome, and for `in-doubt` what ended the attempt. */
export interface NotifyResult {
  readonly outcome: NotifyOutcome;
  readonly reason?: string;
}

const reasonOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Sends the subscriber alert for a live article version at most once: claim
 * (`alertClaimed`, a conditional write: a redelivered or concurrent request
 * finds nothing to claim) → publish → mark sent (`alertSent`). Only a
 * publish SNS provably refused gives the claim back (`alertFailed`) and
 * rethrows, so the stream retries. Any other failure, and a crash anywhere
 * between claim and mark, leaves the head at `alerting`: in doubt, reported
 * by the reconciler and `newsroom status`, resolved by `newsroom alerts`.
 * `seen`: the head as the stream record that announced `ref` showed it, which saves reading it.
 */
export async function notifySubscribers(deps: NotifyDependencies, ref: ArticleVersionRef, seen?: ArticleHead): Promise<NotifyResult> {
  // The claim is a conditional write on the version and the guard, so a head seen in a stream record that has since
  // moved on is refused there, as it would be here when read again; only the version's own fields go into the alert.
  const head = seen?.id === ref.id && seen.version === ref.version ? seen : await deps.store.getHead(ref.id);
  if (head?.version !== ref.version || !allows(head, { type: 'alertClaimed' })) return { outcome: 'skipped' };
  // The takeaways live on the version item: read before the claim, so a missing one retries with nothing claimed.
  const alert = buildSubscriberAlert(withContent(head, await deps.store.getContents([ref])), deps.siteUrl);
  if (!(await deps.store.transition(head, { type: 'alertClaimed' }))) return { outcome: 'skipped' };
  try {
    await deps.alerts.publish(alert);
  } catch (error) {
    if (!(error instanceof PublishRejectedError)) return { outcome: 'in-doubt', reason: reasonOf(error) };
    await deps.store.transition(head, { type: 'alertFailed' });
    throw error;
  }
  try {
    await transitionFirst(deps.store, head, ALERT_SENT_EVENTS);
  } catch (error) {
    // The alert is out; only its record is missing. Retrying would send it again.
    return { outcome: 'in-doubt', reason: `sent, but not recorded: ${reasonOf(error)}` };
  }
  return { outcome: 'sent' };
}
