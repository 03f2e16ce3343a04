import type { ArticleTerms } from './article-terms';
import { bm25TermFactor } from './bm25';
import type { RelatedParameters } from './parameters';
import { linkFactor, selectLinks, type RankedCandidate, type RelatedSubject, type ScoredLink } from './rank-candidates';

/** An older article's current related list, as the index recorded it. */
export interface CurrentRelated {
  readonly id: string;
  readonly version: number;
  readonly related: readonly ScoredLink[];
}

/** A new related list for an older article. */
export interface NeighbourUpdate {
  readonly id: string;
  /** The version whose list this replaces; the write must be conditional on it. */
  readonly version: number;
  readonly related: readonly ScoredLink[];
}

/** The new article, as its older neighbours see it. */
export interface NewArticle extends RelatedSubject {
  readonly title: string;
  readonly terms: ArticleTerms;
}

/**
 * Which older articles should now list the new one: among the best
 * `neighbourCandidates` forward candidates, those for which the new article,
 * scored from their side (their own query against its terms, relative to
 * their own score, times {@link linkFactor}), enters the links their list
 * would show (see {@link selectLinks}). At most `maxNeighbours`, strongest
 * first; an article that already lists the new one is left alone.
 */
export function planNeighbourUpdates(
  article: NewArticle,
  candidates: readonly RankedCandidate[],
  current: ReadonlyMap<string, CurrentRelated>,
  averageLength: number,
  parameters: RelatedParameters,
): NeighbourUpdate[] {
  const updates: { update: NeighbourUpdate; score: number }[] = [];
  for (const { article: older } of candidates.slice(0, parameters.neighbourCandidates)) {
    const state = current.get(older.id);
    if (!state || state.related.some((link) => link.id === article.id || link.slug === article.slug)) continue;
    let sum = 0;
    for (const [term, weight] of older.query) {
      sum += weight * bm25TermFactor(article.terms.frequencies.get(term) ?? 0, article.terms.length, averageLength, parameters);
    }
    const score = (older.selfScore > 0 ? sum / older.selfScore : 0) * linkFactor(older, article, parameters);
    const link: ScoredLink = { id: article.id, slug: article.slug, title: article.title, section: article.section, score };
    const merged = [...state.related, link].sort((a, b) => b.score - a.score);
    const related = selectLinks(merged, parameters);
    if (related.includes(link)) updates.push({ update: { id: older.id, version: state.version, related }, score });
  }
  return updates
    .sort((a, b) => b.score - a.score)
    .slice(0, parameters.maxNeighbours)
    .map(({ update }) => update);
}
