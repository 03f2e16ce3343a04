import type { ArchiveStats } from './bm25';
import type { IndexedArticle } from './rank-candidates';

/**
 * Archive statistics estimated from a sample of indexed records (the newest of
 * the section and of the archive, read anyway as candidates): documents,
 * total length and the document frequencies of `terms` among the sample's
 * recorded terms. The index keeps no per-term counters, so a publish writes
 * none; each record is counted once.
 */
export function sampleStats(sample: readonly IndexedArticle[], terms: readonly string[]): ArchiveStats {
  const seen = new Set<string>();
  const wanted = new Set(terms);
  const documentFrequencies = new Map<string, number>();
  let totalLength = 0;
  for (const record of sample) {
    if (seen.has(record.id)) continue;
    seen.add(record.id);
    totalLength += record.length;
    for (const term of record.frequencies.keys()) {
      if (wanted.has(term)) documentFrequencies.set(term, (documentFrequencies.get(term) ?? 0) + 1);
    }
  }
  return { documents: seen.size, totalLength, documentFrequencies };
}
