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
  /** Postings returned by `postings`. */
  postingsRead: number;
}

/**
 * Wraps any {@link RelatedIndex} and counts, per call, the read requests the
 * DynamoDB adapter (`shared/adapters/related-index.ts`) sends for the same
 * call, without retries of unprocessed keys:
 *
 * - `archiveStats(terms)`: one batch of the totals key plus one key per
 *   distinct term, sent 100 keys per BatchGetItem: ⌈(1 + distinct terms) / 100⌉.
 * - `postings(terms, limit)`: one Query (`Limit: limit`) per distinct term,
 *   including terms with no postings.
 * - `currentRelated(ids)`: ⌈distinct ids / 100⌉ BatchGetItem, none for no ids.
 * - `indexArticle` and `removeArticle`: one GetItem of the article's record
 *   (the writes that follow are transactions, not counted as reads).
 * - `setRelated`, `importArticles`: writes only.
 *
 * `reset` zeroes the counts.
 */
export function countIndexRequests(index: RelatedIndex): { index: RelatedIndex; counts: IndexRequestCounts; reset(): void } {
  const counts: IndexRequestCounts = { reads: 0, batchGets: 0, queries: 0, gets: 0, postingsRead: 0 };
  const batchGet = (keys: number) => {
    const requests = Math.ceil(keys / BATCH_GET_KEYS);
    counts.batchGets += requests;
    counts.reads += requests;
  };
  const get = () => {
    counts.gets++;
    counts.reads++;
  };
  return {
    counts,
    reset() {
      Object.assign(counts, { reads: 0, batchGets: 0, queries: 0, gets: 0, postingsRead: 0 });
    },
    index: {
      async archiveStats(terms) {
        batchGet(1 + new Set(terms).size);
        return index.archiveStats(terms);
      },
      async postings(terms, perTermLimit) {
        const queries = new Set(terms).size;
        counts.queries += queries;
        counts.reads += queries;
        const found = await index.postings(terms, perTermLimit);
        counts.postingsRead += found.length;
        return found;
      },
      async currentRelated(ids) {
        batchGet(new Set(ids).size);
        return index.currentRelated(ids);
      },
      async indexArticle(document) {
        get();
        return index.indexArticle(document);
      },
      setRelated: (id, version, related) => index.setRelated(id, version, related),
      async removeArticle(id) {
        get();
        return index.removeArticle(id);
      },
      importArticles: (documents, options) => index.importArticles(documents, options),
    },
  };
}
