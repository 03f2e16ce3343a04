import type { ArticleStore } from '../ports/article-store';
import type { RelatedIndex, SetRelatedResult } from '../ports/related-index';
import { relatedListEvents } from '../domain/lifecycle';
import type { RelatedParameters } from '../domain/related/parameters';
import type { CurrentRelated } from '../domain/related/plan-neighbours';
import { toRelatedLink, type ScoredLink } from '../domain/related/rank-candidates';
import { transitionFirst } from './transition-first';

/** What writing an article's related list needs: the index, and the store whose head takes the list. */
export type RelatedListDeps = { readonly index: RelatedIndex; readonly store: Pick<ArticleStore, 'transition'> };

/** The index's refusal of a list (it changed since it was read), with the list as the refusal showed it, when it did. */
export type RelatedListConflict = Extract<SetRelatedResult, { written: false }>;

/**
 * Records an article's new list in the index, only over the list revision it
 * was computed from (so concurrent publishes never leave a stale list there),
 * then moves its head to the list, so its page re-renders.
 * @returns a conflict when the index list changed since it was read, else whether the page will re-render.
 */
export async function applyRelatedList(
  deps: RelatedListDeps,
  ref: Omit<CurrentRelated, 'related'>,
  related: readonly ScoredLink[],
  parameters: RelatedParameters,
): Promise<boolean | RelatedListConflict> {
  const set = await deps.index.setRelated(ref, related, related.length < parameters.minLinks);
  if (!set.written) return set;
  // The index now holds the list at revision + 1; the head takes it unless it already holds a later one.
  return transitionFirst(deps.store, ref, relatedListEvents(related.map(toRelatedLink), ref.revision + 1));
}
