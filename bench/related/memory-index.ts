import type { IndexedDocument, RelatedIndex } from '../../shared/adapters/related-index';
import type { CurrentRelated, Posting } from '../../shared/domain/related';

/**
 * An in-memory {@link RelatedIndex} with the DynamoDB adapter's semantics
 * (postings newest first with a per-term limit, frequencies over each
 * article's vocabulary), for quality simulations that need no database.
 */
export function createMemoryRelatedIndex(): RelatedIndex {
  const postingsByTerm = new Map<string, Posting[]>();
  const frequencies = new Map<string, number>();
  const documents = new Map<string, IndexedDocument>();
  let totalLength = 0;

  const add = (document: IndexedDocument) => {
    documents.set(document.article.id, document);
    totalLength += document.article.length;
    for (const term of document.vocabulary) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const [term, frequency] of document.postings) {
      const list = postingsByTerm.get(term) ?? [];
      list.push({ term, frequency, article: document.article });
      list.sort((a, b) => b.article.publishedAt.localeCompare(a.article.publishedAt) || b.article.id.localeCompare(a.article.id));
      postingsByTerm.set(term, list);
    }
  };
  const remove = (document: IndexedDocument) => {
    documents.delete(document.article.id);
    totalLength -= document.article.length;
    for (const term of document.vocabulary) frequencies.set(term, (frequencies.get(term) ?? 1) - 1);
    for (const term of document.postings.keys()) {
      postingsByTerm.set(term, (postingsByTerm.get(term) ?? []).filter((p) => p.article.id !== document.article.id));
    }
  };

  return {
    async archiveStats(terms) {
      return {
        documents: documents.size,
        totalLength,
        documentFrequencies: new Map(terms.map((term) => [term, frequencies.get(term) ?? 0])),
      };
    },
    async postings(terms, perTermLimit) {
      return [...new Set(terms)].flatMap((term) => (postingsByTerm.get(term) ?? []).slice(0, perTermLimit));
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
      for (const document of list) add(document);
    },
  };
}
