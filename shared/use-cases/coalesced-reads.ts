import type { RelatedIndex } from '../ports/related-index';

/** The index reads {@link findRelated} makes. */
export type RelatedReads = Pick<RelatedIndex, 'recent' | 'listed'>;

/**
 * The retrieval reads of an index, where a read asked for while the same one
 * is in flight joins it instead of being sent again: the drafts of one ingest
 * batch, retrieved in parallel, mostly share the archive's recency Query, and
 * often their section's and some listing terms'. The answer is what a request
 * of its own would have read at about the same moment (these reads are
 * eventually consistent anyway). Only for the first retrieval of a publish:
 * the reads a publish makes after indexing itself must start after that
 * write, so they go to the index directly.
 */
export function coalescedReads(index: RelatedReads): RelatedReads {
  const inFlight = new Map<string, Promise<unknown>>();
  function once<T>(key: string, read: () => Promise<T>): Promise<T> {
    const joined = inFlight.get(key) as Promise<T> | undefined;
    if (joined) return joined;
    const started = read().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  }
  return {
    async recent(section, sectionLimit, archiveLimit, since) {
      const [own, archive] = await Promise.all([
        once(`section\u0000${section}\u0000${sectionLimit}\u0000${since}`, () => index.recent(section, sectionLimit, 0, since)),
        once(`archive\u0000${archiveLimit}\u0000${since}`, () => index.recent(section, 0, archiveLimit, since)),
      ]);
      return [...own, ...archive];
    },
    async listed(terms, perTermLimit) {
      const lists = await Promise.all(
        [...new Set(terms)].map((term) => once(`term\u0000${term}\u0000${perTermLimit}`, () => index.listed([term], perTermLimit))),
      );
      return lists.flat();
    },
  };
}
