import type { IndexedDocument, RelatedIndex } from '../ports/related-index';
import type { CurrentRelated, Posting } from '../domain/related';

/** The DynamoDB adapter's posting sort key (`publishedAt#id`); its Query reads them in descending order. */
const sortKey = (posting: Posting) => `${posting.article.publishedAt}#${posting.article.id}`;

/** Index of the first posting in `list` (ascending by sort key) whose key is not below `key`. */
function lowerBound(list: readonly Posting[], key: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sortKey(list[middle]!) < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * An in-memory {@link RelatedIndex} with the DynamoDB adapter's semantics, for
 * quality simulations and scaling runs that need no database: postings of a
 * term newest first by the adapter's sort key (`publishedAt#id`) with a
 * per-term limit; document frequencies over each article's vocabulary, a term
 * that was never counted absent from the map (as a missing item is) and one
 * counted then removed present at 0; totals over indexed articles.
 *
 * Each term's postings are kept sorted (oldest first, so publishing appends),
 * so a limited read costs O(limit) and an insert or removal O(log n) plus
 * the array move, whatever the archive size, like a Query on a partition.
 * `importArticles` appends then sorts each touched list once.
 */
export function createMemoryRelatedIndex(): RelatedIndex {
  const postingsByTerm = new Map<string, Posting[]>();
  const frequencies = new Map<string, number>();
  const documents = new Map<string, IndexedDocument>();
  let totalLength = 0;

  const count = (document: IndexedDocument, sign: 1 | -1) => {
    totalLength += sign * document.article.length;
    for (const term of document.vocabulary) frequencies.set(term, (frequencies.get(term) ?? 0) + sign);
  };
  const postingsOf = (document: IndexedDocument): Posting[] =>
    [...document.postings].map(([term, frequency]) => ({ term, frequency, article: document.article }));
  const listOf = (term: string) => {
    const list = postingsByTerm.get(term) ?? [];
    postingsByTerm.set(term, list);
    return list;
  };

  const add = (document: IndexedDocument) => {
    documents.set(document.article.id, document);
    count(document, 1);
    for (const posting of postingsOf(document)) {
      const list = listOf(posting.term);
      const key = sortKey(posting);
      const at = lowerBound(list, key);
      // Same key: a Put overwrites the item.
      list.splice(at, at < list.length && sortKey(list[at]!) === key ? 1 : 0, posting);
    }
  };
  const remove = (document: IndexedDocument) => {
    documents.delete(document.article.id);
    count(document, -1);
    for (const posting of postingsOf(document)) {
      const list = postingsByTerm.get(posting.term);
      if (!list) continue;
      const key = sortKey(posting);
      const at = lowerBound(list, key);
      if (at < list.length && sortKey(list[at]!) === key) list.splice(at, 1);
    }
  };

  return {
    async archiveStats(terms) {
      const documentFrequencies = new Map<string, number>();
      for (const term of new Set(terms)) {
        const frequency = frequencies.get(term);
        if (frequency !== undefined) documentFrequencies.set(term, frequency);
      }
      return { documents: documents.size, totalLength, documentFrequencies };
    },
    async postings(terms, perTermLimit) {
      const out: Posting[] = [];
      for (const term of new Set(terms)) {
        const list = postingsByTerm.get(term) ?? [];
        for (let i = list.length - 1; i >= 0 && i >= list.length - perTermLimit; i--) out.push(list[i]!);
      }
      return out;
    },
    async currentRelated(ids) {
      const out = new Map<string, CurrentRelated>();
      for (const id of ids) {
        const document = documents.get(id);
        if (document) out.set(id, { id, version: document.version, related: document.related });
      }
      return out;
    },
    async indexArticle(document) {
      const previous = documents.get(document.article.id);
      if (previous && previous.version >= document.version) return 'unchanged';
      if (previous) remove(previous);
      add(document);
      return 'indexed';
    },
    async setRelated(id, version, related) {
      const document = documents.get(id);
      if (!document || document.version !== version) return false;
      documents.set(id, { ...document, related });
      return true;
    },
    async removeArticle(id) {
      const document = documents.get(id);
      if (document) remove(document);
      return document !== undefined;
    },
    async importArticles(list) {
      const touched = new Set<Posting[]>();
      for (const document of list) {
        documents.set(document.article.id, document);
        count(document, 1);
        for (const posting of postingsOf(document)) {
          const postings = listOf(posting.term);
          postings.push(posting);
          touched.add(postings);
        }
      }
      const keyed = (posting: Posting) => ({ posting, key: sortKey(posting) });
      for (const postings of touched) {
        const sorted = postings.map(keyed).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
        for (const [i, { posting }] of sorted.entries()) postings[i] = posting;
      }
    },
  };
}
