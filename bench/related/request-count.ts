import type { RelatedIndex } from '../../shared/ports/related-index';

/** DynamoDB's limit on keys per BatchGetItem, as the adapter batches them. */
const BATCH_GET_KEYS = 100;

/** Index requests counted by {@link countIndexRequests}, as the DynamoDB adapter would send them. */
export interface IndexRequestCounts {
  /** Read requests: BatchGetItem + Query + GetItem. */
  reads: number;
  batchGets: number;
  queries: number;
  gets: number;
  /** Records returned by `recent` and `listed`. */
  recordsRead: number;
  /** Items written by `indexArticle` (a first version: nothing earlier to delete). */
  indexItemsWritten: number;
  /** Items written by `setRelated` (the record update and the short-list marker). */
  relatedItemsWritten: number;
}

const zero = (): IndexRequestCounts => ({
  reads: 0,
  batchGets: 0,
  queries: 0,
  gets: 0,
  recordsRead: 0,
  indexItemsWritten: 0,
  relatedItemsWritten: 0,
});

/**
 * Wraps any {@link RelatedIndex} and counts, per call, the requests the
 * DynamoDB adapter (`shared/adapters/related-index.ts`) sends for the same
 * call, without retries of unprocessed keys:
 *
 * - `recent`: a Query per recency list read (section and archive; a zero limit sends none).
 * - `listed(terms, limit)`: one Query per distinct term, including terms listing nothing.
 * - `currentRelated(ids)`: ⌈distinct ids / 100⌉ BatchGetItem, none for no ids.
 * - `shortLists`: one Query.
 * - `indexArticle`, `setRelated` and `removeArticle`: one GetItem of the
 *   article's record, then a transaction: `indexArticle` writes the record,
 *   two recency entries, one listing per listed term and the short marker if
 *   short; `setRelated` the record, and the marker when it is written or was
 *   there to delete.
 * - `importArticles`: writes only.
 *
 * `reset` zeroes the counts.
 */
export function countIndexRequests(index: RelatedIndex): { index: RelatedIndex; counts: IndexRequestCounts; reset(): void } {
  const counts = zero();
  const short = new Set<string>();
  const batchGet = (keys: number) => {
    const requests = Math.ceil(keys / BATCH_GET_KEYS);
    counts.batchGets += requests;
    counts.reads += requests;
  };
  const get = () => {
    counts.gets++;
    counts.reads++;
  };
  const query = (n: number) => {
    counts.queries += n;
    counts.reads += n;
  };
  return {
    counts,
    reset() {
      Object.assign(counts, zero());
    },
    index: {
      async recent(section, sectionLimit, archiveLimit, since) {
        query((sectionLimit > 0 ? 1 : 0) + (archiveLimit > 0 ? 1 : 0));
        const found = await index.recent(section, sectionLimit, archiveLimit, since);
        counts.recordsRead += found.length;
        return found;
      },
      async listed(terms, perTermLimit) {
        query(new Set(terms).size);
        const found = await index.listed(terms, perTermLimit);
        counts.recordsRead += found.length;
        return found;
      },
      async currentRelated(ids) {
        batchGet(new Set(ids).size);
        return index.currentRelated(ids);
      },
      async shortLists(section, limit) {
        query(1);
        return index.shortLists(section, limit);
      },
      async indexArticle(document) {
        get();
        const outcome = await index.indexArticle(document);
        if (outcome === 'indexed') {
          counts.indexItemsWritten += 3 + new Set(document.listedUnder).size + (document.short ? 1 : 0);
          if (document.short) short.add(document.article.id);
          else short.delete(document.article.id);
        }
        return outcome;
      },
      async setRelated(ref, related, isShort) {
        get();
        const { id } = ref;
        const done = await index.setRelated(ref, related, isShort);
        if (done.written) {
          // The record, and the marker when it is written or was there to delete.
          counts.relatedItemsWritten += 1 + (isShort || short.has(id) ? 1 : 0);
          if (isShort) short.add(id);
          else short.delete(id);
        }
        return done;
      },
      async removeArticle(id) {
        get();
        return index.removeArticle(id);
      },
      importArticles: (documents, options) => index.importArticles(documents, options),
    },
  };
}
