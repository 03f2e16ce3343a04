import type { ArticleHeadWithContent } from '../domain/article';
import type { ArchiveReader } from '../ports/article-lists';

/**
 * An {@link ArchiveReader} over heads held in memory (benchmarks, page
 * fixtures, tests): `current()` is asked on every read, so a test can change
 * the archive between a rebuild's reads. Published heads oldest first, as the
 * table's index returns them.
 */
export function createMemoryArchiveReader(current: () => readonly ArticleHeadWithContent[]): ArchiveReader {
  const published = () =>
    current()
      .filter((head) => head.status === 'published')
      .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
  return {
    publishedHeads: async () => published(),
    publishedVersions: async () => published().map(({ id, version, relatedRev }) => ({ id, version, relatedRev })),
    heads: async (ids) => {
      const wanted = new Set(ids);
      return current().filter((head) => wanted.has(head.id));
    },
  };
}
