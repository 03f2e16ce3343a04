import type { IndexedDocument, RelatedIndex } from '../ports/related-index';
import type { ArticleHead, RelatedLink } from '../domain/article';
import { NO_DEADLINE, type Deadline } from '../domain/deadline';
import { applyRelatedList, type RelatedListDeps } from './related-lists';
import {
  articleTerms,
  averageLength,
  chooseRelated,
  DEFAULT_RELATED_PARAMETERS,
  fillFromSection,
  heaviestQueryTerms,
  heaviestTerms,
  mergeLateMatches,
  planNeighbourUpdates,
  rankCandidates,
  refreshShortList,
  sampleStats,
  termQuery,
  toRelatedLink,
  type ArticleTerms,
  type IndexedArticle,
  type NeighbourUpdate,
  type RankedCandidate,
  type RelatedParameters,
  type RelatedSubject,
  type ScoredLink,
  type TermQuery,
  type TermSource,
} from '../domain/related';

/** An article's related links and what was learned finding them, kept to index it afterwards. */
export interface RelatedPlan {
  /** The links to store on the article, best first, fill links last. */
  readonly links: RelatedLink[];
  readonly scored: ScoredLink[];
  readonly terms: ArticleTerms;
  readonly query: TermQuery;
  readonly ranked: RankedCandidate[];
  readonly averageLength: number;
  /** The records read (recency windows and listings): candidates and fill for neighbours refreshed on publish. */
  readonly pool: IndexedArticle[];
}

/**
 * Finds an article's related links through the index: the newest records of
 * its section and of the archive (two Queries, also the sample its document
 * frequencies are estimated from), the records listed under its heaviest
 * query terms (one Query per term), then BM25 ranking in the domain, filled
 * from the section's recent stories when fewer than `minLinks` close matches
 * qualify. Reads per call are bounded by the parameters, whatever the size of
 * the archive. Term extraction checks `deadline` (throws `DraftTooComplexError`).
 */
export async function findRelated(
  index: Pick<RelatedIndex, 'recent' | 'listed'>,
  subject: RelatedSubject & TermSource,
  parameters: RelatedParameters = DEFAULT_RELATED_PARAMETERS,
  deadline: Deadline = NO_DEADLINE,
): Promise<RelatedPlan> {
  const terms = articleTerms(subject, deadline);
  const vocabulary = heaviestTerms(terms, parameters.vocabularySize);
  const sample = await index.recent(subject.section, parameters.sectionWindow, parameters.archiveWindow);
  const stats = sampleStats(sample, vocabulary);
  const query = termQuery(terms, vocabulary, stats, parameters);
  const listed = await index.listed(heaviestQueryTerms(query.weights, parameters.queryListedTerms), parameters.postingsPerTerm);
  const pool = [...sample, ...listed];
  const average = averageLength(stats, terms);
  const ranked = rankCandidates(subject, query, pool, average, parameters);
  const scored = fillFromSection(subject, chooseRelated(ranked, parameters), pool, parameters);
  return { links: scored.map(toRelatedLink), scored, terms, query, ranked, averageLength: average, pool };
}

/**
 * The index document of a published article version and its plan: the
 * compact term record, listed under its `listedTerms` heaviest query terms,
 * short when it has fewer than `minLinks` links. An archive import builds
 * these for {@link RelatedIndex.importArticles}.
 */
export function indexedDocument(head: ArticleHead, plan: RelatedPlan, parameters: RelatedParameters = DEFAULT_RELATED_PARAMETERS): IndexedDocument {
  return {
    article: indexedRecord(head, plan),
    version: head.version,
    listedUnder: heaviestQueryTerms(plan.query.weights, parameters.listedTerms),
    related: plan.scored,
    short: plan.scored.length < parameters.minLinks,
  };
}

function indexedRecord(head: ArticleHead, plan: RelatedPlan): IndexedArticle {
  return {
    id: head.id,
    slug: head.slug,
    title: head.title,
    section: head.section,
    tags: head.tags,
    language: head.language,
    publishedAt: head.publishedAt,
    status: head.status,
    length: plan.terms.length,
    query: plan.query.weights,
    frequencies: new Map([...plan.query.weights.keys()].map((term) => [term, plan.terms.frequencies.get(term) ?? 0])),
    selfScore: plan.query.selfScore,
  };
}

/** What {@link publishRelated} changed. */
export interface PublishRelatedResult {
  readonly indexed: 'indexed' | 'unchanged';
  /**
   * Ids of articles whose lists changed (their pages re-render): older close matches, refreshed short lists, and the
   * article itself when close matches indexed while it looked joined its list.
   */
  readonly neighbours: string[];
}

/** How often a neighbour's list is planned again when a concurrent publish changed it first. */
const MAX_LIST_ATTEMPTS = 3;

/**
 * After an article version is published: indexes it, adds it to the related
 * lists of the older articles it has become a top match for (at most
 * `maxNeighbours`), and refreshes up to `refreshPerPublish` short lists of
 * its section (its own included) from a fresh read of the section's newest
 * records, moving each changed article to the render stage so its page
 * re-renders. Safe to repeat: an indexed version and
 * a list that already holds the article are left alone.
 */
export async function publishRelated(
  deps: RelatedListDeps,
  head: ArticleHead,
  plan: RelatedPlan,
  parameters: RelatedParameters = DEFAULT_RELATED_PARAMETERS,
): Promise<PublishRelatedResult> {
  const document = indexedDocument(head, plan, parameters);
  const indexed = await deps.index.indexArticle(document);
  const neighbours: string[] = [];
  // Close matches published alongside this one (a burst) were not indexed when it looked: read the archive's stories
  // published since shortly before it now it is indexed (one Query; few records outside a burst) and keep those listed
  // under a term it is listed under. Of two such stories, the later to get here always sees the earlier (while at
  // most `alongsideLimit` are published in that time), and links both ways.
  const seen = new Set(plan.pool.map((article) => article.id));
  const listedUnder = new Set(document.listedUnder);
  const since = new Date(Date.parse(head.publishedAt) - parameters.alongsideSeconds * 1000).toISOString();
  const lateRecords = (await deps.index.recent(head.section, 0, parameters.alongsideLimit, since)).filter(
    (article) => !seen.has(article.id) && heaviestQueryTerms(article.query, parameters.listedTerms).some((term) => listedUnder.has(term)),
  );
  const late = rankCandidates(head, plan.query, lateRecords, plan.averageLength, parameters);
  const candidates = [...plan.ranked, ...late].sort((a, b) => b.score - a.score).slice(0, parameters.neighbourCandidates);
  // Its own list (when late matches may join it) and the candidates' lists: one BatchGetItem.
  const lists = await deps.index.currentRelated([...(late.length > 0 ? [head.id] : []), ...candidates.map((candidate) => candidate.article.id)]);
  if (late.length > 0) {
    const own = lists.get(head.id);
    const related = own && mergeLateMatches(head, own.related, late, [...plan.pool, ...lateRecords], parameters);
    if (own && related && (await applyRelatedList(deps, own, related, parameters)) === true) neighbours.push(head.id);
  }
  if (candidates.length > 0) {
    const updates = planNeighbourUpdates({ ...head, terms: plan.terms }, candidates, lists, plan.averageLength, parameters);
    for (const planned of updates) {
      let update: NeighbourUpdate | undefined = planned;
      for (let attempt = 1; update; attempt++) {
        const applied = await applyRelatedList(deps, update, update.related, parameters);
        if (typeof applied === 'boolean') {
          if (applied) neighbours.push(update.id);
          break;
        }
        if (attempt === MAX_LIST_ATTEMPTS) break;
        // Another publish changed this list since it was read (a burst): plan again over the list as it is now, as the
        // refusal showed it (else read).
        const candidate = candidates.filter((c) => c.article.id === planned.id);
        const fresh = applied.current ? new Map([[planned.id, applied.current]]) : await deps.index.currentRelated([planned.id]);
        update = planNeighbourUpdates({ ...head, terms: plan.terms }, candidate, fresh, plan.averageLength, parameters)[0];
      }
    }
  }
  if (parameters.refreshPerPublish > 0) {
    const shorts = await deps.index.shortLists(head.section, parameters.refreshPerPublish);
    if (shorts.length > 0) {
      // Read again now this article is indexed: in a burst, stories published alongside it were not there when it looked.
      const fresh = await deps.index.recent(head.section, parameters.sectionWindow, 0);
      const pool = [document.article, ...fresh, ...lateRecords, ...plan.pool];
      for (const short of shorts) {
        if (neighbours.includes(short.id)) continue;
        const related = refreshShortList(short.article, short.related, pool, plan.averageLength, parameters);
        if (related && (await applyRelatedList(deps, short, related, parameters)) === true) neighbours.push(short.id);
      }
    }
  }
  return { indexed, neighbours };
}
