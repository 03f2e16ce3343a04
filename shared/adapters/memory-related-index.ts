import type { IndexedDocument, RelatedIndex, ShortList } from '../ports/related-index';
import { retainNewest, type CurrentRelated, type IndexedArticle, type RetainedEntries } from '../domain/related';

/** One partition: entries ascending by sort key, as DynamoDB keeps them. */
type Partition<T> = { key: string; value: T }[];

/** Index of the first entry whose key is not below `key`. */
function lowerBound<T>(list: Partition<T>, key: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.key < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Partitions of sorted entries with Put, Delete and a newest-first Query (optionally `begins_with`). */
class SortedPartitions<T> {
  private readonly partitions = new Map<string, Partition<T>>();

  put(pk: string, key: string, value: T): void {
    const list = this.partitions.get(pk) ?? [];
    this.partitions.set(pk, list);
    const at = lowerBound(list, key);
    list.splice(at, at < list.length && list[at]!.key === key ? 1 : 0, { key, value });
  }

  delete(pk: string, key: string): void {
    const list = this.partitions.get(pk);
    if (!list) return;
    const at = lowerBound(list, key);
    if (at < list.length && list[at]!.key === key) list.splice(at, 1);
  }

  newest(pk: string, limit: number, prefix = '', from = ''): T[] {
    const list = this.partitions.get(pk) ?? [];
    const out: T[] = [];
    // Entries with the prefix sit just below the first key past it.
    let i = prefix ? lowerBound(list, `${prefix}\uffff`) - 1 : list.length - 1;
    for (; i >= 0 && out.length < limit && list[i]!.key.startsWith(prefix) && list[i]!.key >= from; i--) out.push(list[i]!.value);
    return out;
  }
}

const sectionKey = (section: string) => encodeURIComponent(section.toLowerCase());

/**
 * An in-memory {@link RelatedIndex} with the DynamoDB adapter's semantics, for
 * quality simulations and scaling runs that need no database: each article's
 * record, its entries newest first by the adapter's sort key
 * (`publishedAt#id`) under its section, the archive and each listing term,
 * and the short-list markers by `section#publishedAt#id`; every read limited
 * as the adapter's Query is. Entries are kept sorted, so a limited read costs
 * O(limit) and a write O(log n) plus the array move, like a Query on a
 * partition.
 */
export function createMemoryRelatedIndex(): RelatedIndex {
  const documents = new Map<string, IndexedDocument>();
  const revisions = new Map<string, number>();
  const entries = new SortedPartitions<IndexedArticle>();
  const shorts = new SortedPartitions<ShortList>();

  /** Bulk-loaded documents that left out some recency entries (their listings are trimmed in the document itself). */
  const partial = new Map<string, RetainedEntries>();
  const partitionsOf = ({ article, listedUnder }: IndexedDocument) => {
    const retained = partial.get(article.id);
    return [
      ...(retained?.section === false ? [] : [`section:${sectionKey(article.section)}`]),
      ...(retained?.archive === false ? [] : ['recent']),
      ...[...new Set(listedUnder)].map((term) => `term:${term}`),
    ];
  };
  const entryKey = (article: IndexedArticle) => `${article.publishedAt}#${article.id}`;
  const shortKey = (article: IndexedArticle) => `${sectionKey(article.section)}#${article.publishedAt}#${article.id}`;
  const markShort = (document: IndexedDocument) => {
    if (document.short) {
      const { article, version, related } = document;
      shorts.put('short', shortKey(article), { id: article.id, version, revision: revisions.get(article.id) ?? 0, related, article });
    } else shorts.delete('short', shortKey(document.article));
  };

  const add = (document: IndexedDocument) => {
    documents.set(document.article.id, document);
    revisions.set(document.article.id, 0);
    for (const pk of partitionsOf(document)) entries.put(pk, entryKey(document.article), document.article);
    markShort(document);
  };
  const remove = (document: IndexedDocument) => {
    documents.delete(document.article.id);
    for (const pk of partitionsOf(document)) entries.delete(pk, entryKey(document.article));
    partial.delete(document.article.id);
    shorts.delete('short', shortKey(document.article));
  };

  return {
    async recent(section, sectionLimit, archiveLimit, since) {
      return [...entries.newest(`section:${sectionKey(section)}`, sectionLimit, '', since), ...entries.newest('recent', archiveLimit, '', since)];
    },
    async listed(terms, perTermLimit) {
      return [...new Set(terms)].flatMap((term) => entries.newest(`term:${term}`, perTermLimit));
    },
    async currentRelated(ids) {
      const out = new Map<string, CurrentRelated>();
      for (const id of ids) {
        const document = documents.get(id);
        if (document) out.set(id, { id, version: document.version, revision: revisions.get(id) ?? 0, related: document.related });
      }
      return out;
    },
    async shortLists(section, limit) {
      return shorts.newest('short', limit, section === undefined ? '' : `${sectionKey(section)}#`);
    },
    async indexArticle(document) {
      const previous = documents.get(document.article.id);
      if (previous && previous.version >= document.version) return 'unchanged';
      if (previous) remove(previous);
      add(document);
      return 'indexed';
    },
    async setRelated({ id, version, revision }, related, short) {
      const document = documents.get(id);
      if (!document) return { written: false };
      const stored = revisions.get(id) ?? 0;
      if (document.version !== version || stored !== revision) {
        return { written: false, current: { id, version: document.version, revision: stored, related: document.related } };
      }
      const updated = { ...document, related, short };
      documents.set(id, updated);
      revisions.set(id, revision + 1);
      markShort(updated);
      return { written: true };
    },
    async removeArticle(id) {
      const document = documents.get(id);
      if (document) remove(document);
      return document !== undefined;
    },
    async importArticles(list, options = {}) {
      const retained = options.retention ? retainNewest(list, options.retention) : undefined;
      for (const [done, document] of list.entries()) {
        if (options.stopRequested?.()) return;
        const kept = retained?.get(document.article.id);
        if (kept) partial.set(document.article.id, kept);
        add(kept ? { ...document, listedUnder: kept.listedUnder } : document);
        options.onProgress?.(done + 1, list.length);
      }
    },
  };
}
