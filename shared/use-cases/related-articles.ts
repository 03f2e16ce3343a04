import type { ArticleStore } from '../ports/article-store';
import type { IndexedDocument, RelatedIndex } from '../ports/related-index';
import type { ArticleHead, RelatedLink } from '../domain/article';
import { NO_DEADLINE, type Deadline } from '../domain/deadline';
import {
  articleTerms,
  averageLength,
  chooseRelated,
  DEFAULT_RELATED_PARAMETERS,
  heaviestTerms,
  planNeighbourUpdates,
  rankCandidates,
  termQuery,
  toRelatedLink,
  type ArticleTerms,
  type RankedCandidate,
  type RelatedParameters,
  type RelatedSubject,
  type ScoredLink,
  type TermQuery,
  type TermSource,
} from '../domain/related';

/** An article's related links and what was learned finding them, kept to index it afterwards. */
export interface RelatedPlan {
  /** The links to store on the article, best first. */
  readonly links: RelatedLink[];
  readonly scored: ScoredLink[];
  readonly terms: ArticleTerms;
  readonly vocabulary: string[];
  readonly query: TermQuery;
  readonly ranked: RankedCandidate[];
  readonly averageLength: number;
}

/**
 * Finds an article's related links through the index: its vocabulary's
 * document frequencies (one BatchGetItem), the newest postings of its query
 * terms (one Query per term), then BM25 ranking in the domain. Reads per call
 * are bounded by the parameters, whatever the size of the archive. Term
 * extraction checks `deadline` (throws `DraftTooComplexError`).
 */
export async function findRelated(
  index: Pick<RelatedIndex, 'archiveStats' | 'postings'>,
  subject: RelatedSubject & TermSource,
  parameters: RelatedParameters = DEFAULT_RELATED_PARAMETERS,
  deadline: Deadline = NO_DEADLINE,
): Promise<RelatedPlan> {
  const terms = articleTerms(subject, deadline);
  const vocabulary = heaviestTerms(terms, parameters.vocabularySize);
  const stats = await index.archiveStats(vocabulary);
  const query = termQuery(terms, vocabulary, stats, parameters);
  const postings = await index.postings([...query.weights.keys()], parameters.postingsPerTerm);
  const average = averageLength(stats, terms);
  const ranked = rankCandidates(subject, query, postings, average, parameters);
  const scored = chooseRelated(ranked, parameters);
  return { links: scored.map(toRelatedLink), scored, terms, vocabulary, query, ranked, averageLength: average };
}

/** What the index stores of an article version whose related links `plan` found. */
export function indexedDocumentOf(head: ArticleHead, plan: RelatedPlan): IndexedDocument {
  return {
    article: { ...head, length: plan.terms.length, query: plan.query.weights, selfScore: plan.query.selfScore },
    version: head.version,
    postings: new Map([...plan.query.weights.keys()].map((term) => [term, plan.terms.frequencies.get(term) ?? 0])),
    vocabulary: plan.vocabulary,
    related: plan.scored,
  };
}

/** What {@link publishRelated} changed. */
export interface PublishRelatedResult {
  readonly indexed: 'indexed' | 'unchanged';
  /** Ids of older articles whose lists now include this one (their pages re-render). */
  readonly neighbours: string[];
}

/**
 * After an article version is published: indexes it, then adds it to the
 * related lists of the older articles it has become a top match for (at most
 * `maxNeighbours`), moving them to the render stage so their pages re-render.
 * Safe to repeat: an indexed version and a list that already holds the
 * article are left alone.
 */
export async function publishRelated(
  deps: { readonly index: RelatedIndex; readonly store: Pick<ArticleStore, 'transition'> },
  head: ArticleHead,
  plan: RelatedPlan,
  parameters: RelatedParameters = DEFAULT_RELATED_PARAMETERS,
): Promise<PublishRelatedResult> {
  const indexed = await deps.index.indexArticle(indexedDocumentOf(head, plan));
  const candidates = plan.ranked.slice(0, parameters.neighbourCandidates);
  if (candidates.length === 0) return { indexed, neighbours: [] };
  const current = await deps.index.currentRelated(candidates.map((candidate) => candidate.article.id));
  const updates = planNeighbourUpdates({ ...head, terms: plan.terms }, candidates, current, plan.averageLength, parameters);
  const neighbours: string[] = [];
  for (const update of updates) {
    if (!(await deps.store.transition(update, { type: 'relatedChanged', related: update.related.map(toRelatedLink) }))) continue;
    await deps.index.setRelated(update.id, update.version, update.related);
    neighbours.push(update.id);
  }
  return { indexed, neighbours };
}
