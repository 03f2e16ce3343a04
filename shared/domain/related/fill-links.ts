import type { RelatedParameters } from './parameters';
import type { IndexedArticle, RelatedSubject, ScoredLink } from './rank-candidates';

const sameSection = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Completes a list of text-ranked links to `minLinks` with the most recent
 * published stories of the subject's section from `pool`, marked `fill` (shown
 * under "More in <section>"), never the subject or an article already listed.
 * A list already holding `minLinks` links is returned as is; fewer only when
 * the pool holds too few stories of the section.
 */
export function fillFromSection(
  subject: Pick<RelatedSubject, 'id' | 'slug' | 'section'>,
  links: readonly ScoredLink[],
  pool: readonly IndexedArticle[],
  parameters: Pick<RelatedParameters, 'minLinks'>,
): ScoredLink[] {
  const missing = parameters.minLinks - links.length;
  if (missing <= 0) return [...links];
  const taken = new Set([subject.id, subject.slug, ...links.flatMap((link) => [link.id, link.slug])]);
  const fill: ScoredLink[] = [];
  const recentFirst = [...pool].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  for (const article of recentFirst) {
    if (fill.length >= missing) break;
    if (article.status !== 'published' || !sameSection(article.section, subject.section)) continue;
    if (taken.has(article.id) || taken.has(article.slug)) continue;
    taken.add(article.id).add(article.slug);
    fill.push({ id: article.id, slug: article.slug, title: article.title, section: article.section, score: 0, fill: true });
  }
  return [...links, ...fill];
}

/** The text-ranked links of a list (fill links left out). */
export function textLinks(links: readonly ScoredLink[]): ScoredLink[] {
  return links.filter((link) => !link.fill);
}
