import type { RelatedParameters } from './parameters';

/** How many of the newest entries of each list a bulk load writes. */
export interface BulkRetention {
  /** Per section recency list. */
  readonly section: number;
  /** In the archive-wide recency list. */
  readonly archive: number;
  /** Per listing term. */
  readonly listing: number;
}

/** Which list entries of one article a bulk load writes. */
export interface RetainedEntries {
  readonly section: boolean;
  readonly archive: boolean;
  /** The article's listing terms whose listings get its entry (in the article's own order). */
  readonly listedUnder: readonly string[];
}

/** What {@link retainNewest} needs of an indexed document. */
export interface RetentionSubject {
  readonly article: { readonly id: string; readonly section: string; readonly publishedAt: string };
  readonly listedUnder: readonly string[];
}

/**
 * Retrievals read only the newest `sectionWindow`, `archiveWindow` and
 * `postingsPerTerm` entries of a list, so a bulk load of old articles need not
 * write the rest: an older entry is only read once newer ones are removed
 * (withdrawn or re-listed). `margin` times the windows are kept, so that up to
 * `(margin - 1) ×` a window of such removals among the newer entries changes
 * no retrieval (and the windows may grow that much).
 */
export function bulkRetention(parameters: RelatedParameters, margin = 2): BulkRetention {
  return {
    section: parameters.sectionWindow * margin,
    archive: parameters.archiveWindow * margin,
    listing: parameters.postingsPerTerm * margin,
  };
}

/**
 * The entries of each article to write when loading `articles` in bulk: the
 * newest `retention` of each list among them (by the index's sort order,
 * `publishedAt#id`, as entries of a list are kept). Sections are compared
 * case-insensitively, as the index keys them. Articles not among the newest of
 * any list still get their record, so reads by id and later versions work.
 */
export function retainNewest(documents: readonly RetentionSubject[], retention: BulkRetention): Map<string, RetainedEntries> {
  const newestFirst = [...documents].sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
  const sections = new Map<string, number>();
  const listings = new Map<string, number>();
  let archive = 0;
  const out = new Map<string, RetainedEntries>();
  const take = (counts: Map<string, number>, key: string, limit: number) => {
    const seen = counts.get(key) ?? 0;
    counts.set(key, seen + 1);
    return seen < limit;
  };
  for (const { article, listedUnder } of newestFirst) {
    out.set(article.id, {
      section: take(sections, article.section.toLowerCase(), retention.section),
      archive: archive++ < retention.archive,
      listedUnder: [...new Set(listedUnder)].filter((term) => take(listings, term, retention.listing)),
    });
  }
  return out;
}

const sortKey = ({ article }: RetentionSubject) => `${article.publishedAt}#${article.id}`;
