import type { RelatedLink } from '../../shared/domain/article';
import type { HeadEvent } from '../../shared/domain/lifecycle';

/** The article store's side of related links for use-case tests: the lists heads were moved to (every head exists and accepts). */
export function relatedListStore() {
  const lists = new Map<string, readonly RelatedLink[]>();
  return {
    lists,
    async transition(ref: { readonly id: string }, event: HeadEvent) {
      if (event.type === 'relatedChanged') lists.set(ref.id, event.related);
      return true;
    },
  };
}
