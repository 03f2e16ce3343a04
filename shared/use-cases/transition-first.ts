import type { ArticleVersionRef } from '../../events/article-stream-record';
import type { ALERT_SENT_EVENTS, HeadEvent, relatedListEvents } from '../domain/lifecycle';
import type { ArticleStore } from '../ports/article-store';

/**
 * Applies the first of `events` the head allows, one conditional write each,
 * in order (for event pairs of which exactly one fits, such as
 * {@link relatedListEvents} and {@link ALERT_SENT_EVENTS}).
 * @returns false when none applied: the head moved to another version, or no event fits.
 */
export async function transitionFirst(
  store: Pick<ArticleStore, 'transition'>,
  ref: ArticleVersionRef,
  events: readonly HeadEvent[],
): Promise<boolean> {
  for (const event of events) if (await store.transition(ref, event)) return true;
  return false;
}
