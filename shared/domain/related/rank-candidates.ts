import type { Article, RelatedLink } from '../article';
import { bm25TermFactor, type TermQuery } from './bm25';
import type { RelatedParameters } from './parameters';

/**
 * The compact term record the index holds of an indexed article: enough to
 * score it against any query and to score other articles from its side.
 */
export interface IndexedArticle extends Pick<Article, 'id' | 'slug' | 'title' | 'section' | 'tags' | 'language' | 'publishedAt' | 'status'> {
  /** Weighted document length. */
  readonly length: number;
  /** The article's own query (term → weight), to score articles from its side. */
  readonly query: ReadonlyMap<string, number>;
  /** Weighted frequencies of the query's terms in the article: what a query is scored against. */
  readonly frequencies: ReadonlyMap<string, number>;
  /** The article's score against its own query. */
  readonly selfScore: number;
}

/** The article links are chosen for. */
export interface RelatedSubject {
  readonly id: string;
  readonly slug: string;
  readonly section: string;
  readonly tags: readonly string[];
  /** ISO 8601; the time the recency prior is measured from. */
  readonly publishedAt: string;
}

/** A related link with the identity and score it was chosen by. */
export interface ScoredLink extends RelatedLink {
  readonly id: string;
  /** Relevance relative to the linking article's own score, times the section, tag and recency factors; 0 for a fill link. */
  readonly score: number;
}

/** A candidate with its score. */
export interface RankedCandidate {
  readonly article: IndexedArticle;
  readonly score: number;
}

const DAY_MS = 86_400_000;

/**
 * The multiplier of a link from `from` to `to`: a bonus for the same section
 * and for each shared tag (up to three), and a recency prior that decays with
 * the time between their publications towards `1 - recencyWeight`.
 */
export function linkFactor(
  from: Pick<RelatedSubject, 'section' | 'tags' | 'publishedAt'>,
  to: Pick<RelatedSubject, 'section' | 'tags' | 'publishedAt'>,
  parameters: Pick<RelatedParameters, 'sectionBoost' | 'tagBoost' | 'recencyWeight' | 'recencyHalfLifeDays'>,
): number {
  const sameSection = from.section.toLowerCase() === to.section.toLowerCase();
  const fromTags = new Set(from.tags.map((tag) => tag.toLowerCase()));
  const sharedTags = new Set(to.tags.map((tag) => tag.toLowerCase()).filter((tag) => fromTags.has(tag))).size;
  const days = Math.abs(Date.parse(from.publishedAt) - Date.parse(to.publishedAt)) / DAY_MS;
  const recency =
    1 - parameters.recencyWeight + parameters.recencyWeight * 0.5 ** ((Number.isFinite(days) ? days : 0) / parameters.recencyHalfLifeDays);
  return (1 + (sameSection ? parameters.sectionBoost : 0)) * (1 + parameters.tagBoost * Math.min(3, sharedTags)) * recency;
}

/** The BM25 score of `query` against an indexed article's recorded frequencies. */
export function bm25Score(
  weights: ReadonlyMap<string, number>,
  article: Pick<IndexedArticle, 'frequencies' | 'length'>,
  averageLength: number,
  parameters: Pick<RelatedParameters, 'k1' | 'b'>,
): number {
  let sum = 0;
  for (const [term, weight] of weights) {
    sum += weight * bm25TermFactor(article.frequencies.get(term) ?? 0, article.length, averageLength, parameters);
  }
  return sum;
}

/**
 * Scores candidate records with BM25 against their recorded term frequencies,
 * relative to the subject's own score, times {@link linkFactor}; best first.
 * Each article appears once; the subject itself (same id or slug), any
 * article not published and any sharing no query term are dropped.
 */
export function rankCandidates(
  subject: RelatedSubject,
  query: TermQuery,
  candidates: readonly IndexedArticle[],
  averageLength: number,
  parameters: RelatedParameters,
): RankedCandidate[] {
  const seenIds = new Set<string>();
  const scored: RankedCandidate[] = [];
  for (const article of candidates) {
    if (article.id === subject.id || article.slug === subject.slug || article.status !== 'published' || seenIds.has(article.id)) continue;
    seenIds.add(article.id);
    const sum = bm25Score(query.weights, article, averageLength, parameters);
    if (sum <= 0) continue;
    scored.push({ article, score: (query.selfScore > 0 ? sum / query.selfScore : 0) * linkFactor(subject, article, parameters) });
  }
  const seenSlugs = new Set<string>();
  return scored
    .sort((a, b) => b.score - a.score || b.article.publishedAt.localeCompare(a.article.publishedAt))
    .filter(({ article }) => !seenSlugs.has(article.slug) && seenSlugs.add(article.slug));
}

/**
 * The links to show, from scored links best first: those scoring at least
 * `minScore`; the first `minLinks` of them, then up to `maxLinks` in all while
 * a link scores at least `extraLinkShare` of the best. Fewer than `minLinks`
 * only when fewer qualify.
 */
export function selectLinks(
  ranked: readonly ScoredLink[],
  parameters: Pick<RelatedParameters, 'minScore' | 'minLinks' | 'maxLinks' | 'extraLinkShare'>,
): ScoredLink[] {
  const qualified = ranked.filter((link) => link.score >= parameters.minScore);
  const best = qualified[0]?.score ?? 0;
  return qualified
    .filter((link, index) => index < parameters.minLinks || link.score >= parameters.extraLinkShare * best)
    .slice(0, parameters.maxLinks);
}

/** A ranked candidate as a scored link. */
export function toScoredLink({ article, score }: RankedCandidate): ScoredLink {
  return { id: article.id, slug: article.slug, title: article.title, section: article.section, score };
}

/** The links chosen for the subject from its ranked candidates (see {@link selectLinks}). */
export function chooseRelated(ranked: readonly RankedCandidate[], parameters: RelatedParameters): ScoredLink[] {
  return selectLinks(ranked.map(toScoredLink), parameters);
}

/** A scored link as the article model stores it. */
export function toRelatedLink({ slug, title, section, fill }: ScoredLink): RelatedLink {
  return fill ? { slug, title, section, fill } : { slug, title, section };
}
