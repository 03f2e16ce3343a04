/** Related articles: term extraction, BM25 ranking of indexed term records, section fill, and neighbour updates. */
export { articleTerms, heaviestTerms, FIELD_WEIGHTS, MAX_TERM_LENGTH } from './article-terms';
export type { ArticleTerms, TermSource } from './article-terms';
export { averageLength, bm25Idf, bm25TermFactor, heaviestQueryTerms, termQuery } from './bm25';
export type { ArchiveStats, TermQuery } from './bm25';
export { DEFAULT_RELATED_PARAMETERS } from './parameters';
export type { RelatedParameters } from './parameters';
export { bm25Score, chooseRelated, linkFactor, rankCandidates, selectLinks, toRelatedLink, toScoredLink } from './rank-candidates';
export type { IndexedArticle, RankedCandidate, RelatedSubject, ScoredLink } from './rank-candidates';
export { fillFromSection, textLinks } from './fill-links';
export { sampleStats } from './sample-stats';
export { mergeLateMatches, planNeighbourUpdates, refreshShortList } from './plan-neighbours';
export { settleOrder } from './settle-order';
export type { CurrentRelated, NeighbourUpdate, NewArticle } from './plan-neighbours';
export { bulkRetention, retainNewest } from './bulk-retention';
export type { BulkRetention, RetainedEntries, RetentionSubject } from './bulk-retention';
