/** Related articles: term extraction, BM25 ranking over an inverted index, and neighbour updates. */
export { articleTerms, heaviestTerms, FIELD_WEIGHTS, MAX_TERM_LENGTH } from './article-terms';
export type { ArticleTerms, TermSource } from './article-terms';
export { averageLength, bm25Idf, bm25TermFactor, termQuery } from './bm25';
export type { ArchiveStats, TermQuery } from './bm25';
export { DEFAULT_RELATED_PARAMETERS } from './parameters';
export type { RelatedParameters } from './parameters';
export { chooseRelated, linkFactor, rankCandidates, selectLinks, toRelatedLink, toScoredLink } from './rank-candidates';
export type { IndexedArticle, Posting, RankedCandidate, RelatedSubject, ScoredLink } from './rank-candidates';
export { planNeighbourUpdates } from './plan-neighbours';
export type { CurrentRelated, NeighbourUpdate, NewArticle } from './plan-neighbours';
