/** The tuning of related-article retrieval and ranking. */
export interface RelatedParameters {
  /** Terms per article whose document frequencies are counted (the article's vocabulary). @default 64 */
  readonly vocabularySize: number;
  /** Terms per article that are indexed and used as its query (by TF-IDF weight). @default 30 */
  readonly indexedTerms: number;
  /**
   * Terms an article is listed under in the index: its heaviest query terms, for long-range recall. Fewer listings
   * per article keep each term's listing to the articles it matters most to, so its newest entries reach further back.
   * @default 3
   */
  readonly listedTerms: number;
  /** Query terms whose listings are read per retrieval (the heaviest): one Query each. @default 3 */
  readonly queryListedTerms: number;
  /** Listings read per query term, newest first: fewer, longer reads find older matches than many short ones. @default 60 */
  readonly postingsPerTerm: number;
  /** Newest records of the article's own section read per retrieval: candidates, fill and the document-frequency sample. @default 100 */
  readonly sectionWindow: number;
  /**
   * Newest records of the whole archive read per retrieval (cross-section candidates and the sample); older
   * cross-section matches come through the listings. @default 20
   */
  readonly archiveWindow: number;
  /** BM25 term-frequency saturation. @default 1.2 */
  readonly k1: number;
  /** BM25 length normalisation. @default 0.75 */
  readonly b: number;
  /** Score multiplier bonus for a candidate in the same section. @default 0.5 */
  readonly sectionBoost: number;
  /** Score multiplier bonus per shared tag, up to three tags. @default 0.15 */
  readonly tagBoost: number;
  /** Weight of the recency prior: the score falls to `1 - recencyWeight` of itself for distant articles. @default 0.25 */
  readonly recencyWeight: number;
  /** Days over which the recency prior halves. @default 30 */
  readonly recencyHalfLifeDays: number;
  /** Lowest score (relevance relative to the article's own, with boosts) a link needs. @default 0.12 */
  readonly minScore: number;
  /** Links shown when enough qualify. @default 3 */
  readonly minLinks: number;
  /** Most links shown. @default 5 */
  readonly maxLinks: number;
  /** A fourth or fifth link needs at least this share of the best link's score. @default 0.5 */
  readonly extraLinkShare: number;
  /**
   * Stories published within this many seconds before an article count as published alongside it (a burst): read
   * again after it is indexed, as they may not have been indexed when it looked. @default 120
   */
  readonly alongsideSeconds: number;
  /** Most stories published alongside an article read again after it is indexed (newest first). @default 50 */
  readonly alongsideLimit: number;
  /** Candidates examined as possible neighbours to update. @default 10 */
  readonly neighbourCandidates: number;
  /** Most older articles whose lists are updated per publish. @default 5 */
  readonly maxNeighbours: number;
  /** Most short lists (fewer than `minLinks`) of the same section refreshed per publish. @default 3 */
  readonly refreshPerPublish: number;
}

/** The defaults of {@link RelatedParameters}. */
export const DEFAULT_RELATED_PARAMETERS: RelatedParameters = {
  vocabularySize: 64,
  indexedTerms: 30,
  listedTerms: 3,
  queryListedTerms: 3,
  postingsPerTerm: 60,
  sectionWindow: 100,
  archiveWindow: 20,
  k1: 1.2,
  b: 0.75,
  sectionBoost: 0.5,
  tagBoost: 0.15,
  recencyWeight: 0.25,
  recencyHalfLifeDays: 30,
  minScore: 0.12,
  minLinks: 3,
  maxLinks: 5,
  extraLinkShare: 0.5,
  alongsideSeconds: 120,
  alongsideLimit: 50,
  neighbourCandidates: 10,
  maxNeighbours: 5,
  refreshPerPublish: 3,
};
