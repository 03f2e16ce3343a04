import type { ArticleTerms } from './article-terms';
import { bm25TermFactor } from './bm25';
import { fillFromSection, textLinks } from './fill-links';
import type { RelatedParameters } from './parameters';
import {
  linkFactor,
  rankCandidates,
  selectLinks,
  toScoredLink,
  type IndexedArticle,
  type RankedCandidate,
  type RelatedSubject,
  type ScoredLink,
} from './rank-candidates';

/** An older article's current related list, as the index recorded it. */
export interface CurrentRelated {
  readonly id: string;
  readonly version: number;
  /** Bumped on every list change of this version: a new list is written only over the one it was computed from. */
  readonly revision: number;
  readonly related: readonly ScoredLink[];
}

/** A new related list for an older article. */
export interface NeighbourUpdate {
  readonly id: string;
  /** The version whose list this replaces; the write must be conditional on it. */
  readonly version: number;
  /** The list revision it replaces; the write must be conditional on it too. */
  readonly revision: number;
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
 * first; an article that already lists the new one is left alone. Fill links
 * of an updated list stay behind its text links while it has fewer than
 * `minLinks` of those.
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
    const merged = [...textLinks(state.related), link].sort((a, b) => b.score - a.score);
    const chosen = selectLinks(merged, parameters);
    if (!chosen.includes(link)) continue;
    const keptFill = state.related.filter((old) => old.fill && !chosen.some((c) => c.id === old.id));
    const related = [...chosen, ...keptFill].slice(0, Math.max(parameters.minLinks, chosen.length));
    updates.push({ update: { id: older.id, version: state.version, revision: state.revision, related }, score });
  }
  return updates
    .sort((a, b) => b.score - a.score)
    .slice(0, parameters.maxNeighbours)
    .map(({ update }) => update);
}

/**
 * A fresh list for an indexed article whose list is short (fewer than
 * `minLinks`): its recorded query ranked against `pool` (BM25 over the
 * records' frequencies), merged with its current text links, completed from
 * the section's recent stories in `pool` (see {@link fillFromSection}).
 * `undefined` when the result holds no more links than the current list.
 */
export function refreshShortList(
  record: IndexedArticle,
  current: readonly ScoredLink[],
  pool: readonly IndexedArticle[],
  averageLength: number,
  parameters: RelatedParameters,
): ScoredLink[] | undefined {
  const ranked = rankCandidates(record, { weights: record.query, selfScore: record.selfScore }, pool, averageLength, parameters);
  const byId = new Map(textLinks(current).map((link) => [link.id, link]));
  for (const candidate of ranked) {
    const link = toScoredLink(candidate);
    if ((byId.get(link.id)?.score ?? -1) < link.score) byId.set(link.id, link);
  }
  const text = selectLinks(
    [...byId.values()].sort((a, b) => b.score - a.score),
    parameters,
  );
  const filled = fillFromSection(record, text, pool, parameters);
  const keptFill = current.filter((old) => old.fill && !filled.some((link) => link.id === old.id || link.slug === old.slug));
  const related = [...filled, ...keptFill].slice(0, Math.max(parameters.minLinks, text.length));
  return related.length > current.length ? related : undefined;
}

/**
 * An article's own list with close matches it could not see when it looked
 * (stories of the same burst, indexed meanwhile) merged in by score, filled
 * from `pool` up to `minLinks`. `undefined` when none of them enters the list.
 */
export function mergeLateMatches(
  subject: Pick<RelatedSubject, 'id' | 'slug' | 'section'>,
  current: readonly ScoredLink[],
  late: readonly RankedCandidate[],
  pool: readonly IndexedArticle[],
  parameters: RelatedParameters,
): ScoredLink[] | undefined {
  const known = new Set(current.flatMap((link) => [link.id, link.slug]));
  const newcomers = late.map(toScoredLink).filter((link) => !known.has(link.id) && !known.has(link.slug));
  const chosen = selectLinks(
    [...textLinks(current), ...newcomers].sort((a, b) => b.score - a.score),
    parameters,
  );
  if (!newcomers.some((link) => chosen.includes(link))) return undefined;
  return fillFromSection(subject, chosen, pool, parameters);
}
