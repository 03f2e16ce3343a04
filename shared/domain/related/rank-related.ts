import type { ArticleSummary, DraftContent, RelatedLink } from '../article';

/**
 * Picks up to `limit` related articles from recent candidates: shared tags
 * weigh most, then the same section, then recency. Never the article itself.
 */
export function rankRelated(
  article: Pick<DraftContent, 'section' | 'tags' | 'slug'> & { id: string },
  candidates: readonly ArticleSummary[],
  limit = 5,
): RelatedLink[] {
  const tags = new Set(article.tags.map((tag) => tag.toLowerCase()));
  return candidates
    .filter((candidate) => candidate.id !== article.id && candidate.slug !== article.slug)
    .map((candidate, recency) => {
      const sharedTags = candidate.tags.filter((tag) => tags.has(tag.toLowerCase())).length;
      const score = sharedTags * 2 + (candidate.section === article.section ? 1 : 0);
      return { candidate, score, recency };
    })
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.recency - b.recency)
    .slice(0, limit)
    .map(({ candidate }) => ({ slug: candidate.slug, title: candidate.title, section: candidate.section }));
}
