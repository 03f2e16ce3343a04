import type { ArticleStore } from '../ports/article-store';
import type { IndexedDocument, RelatedIndex, ShortList } from '../ports/related-index';
import type { ArticleHead, RelatedLink } from '../domain/article';
import { NO_DEADLINE, type Deadline } from '../domain/deadline';
import { relatedListEvents } from '../domain/lifecycle';
import { transitionFirst } from './transition-first';
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
  settleOrder,
  termQuery,
  toRelatedLink,
  type ArticleTerms,
  type CurrentRelated,
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

type RelatedDeps = { readonly index: RelatedIndex; readonly store: Pick<ArticleStore, 'transition'> };

/**
 * Records an article's new list in the index (only over the list revision it
 * was computed from, so concurrent publishes never leave a stale list there),
 * then moves its head to the list (re-render). False if either moved on.
 */
/** How often a neighbour's list is planned again when a concurrent publish changed it first. */
const MAX_LIST_ATTEMPTS = 3;

/** The index list changed since it was read: `current` is the list as the refusal showed it, when it did. */
interface ListConflict {
  readonly current?: CurrentRelated;
}

/**
 * Writes a list to the index over the revision it was computed from, then the page's copy.
 * @returns a conflict when the index list changed since it was read, else whether the page will re-render.
 */
async function applyList(
  deps: RelatedDeps,
  ref: Omit<CurrentRelated, 'related'>,
  related: readonly ScoredLink[],
  parameters: RelatedParameters,
): Promise<boolean | ListConflict> {
  const set = await deps.index.setRelated(ref, related, related.length < parameters.minLinks);
  if (!set.written) return { current: set.current };
  // The index now holds the list at revision + 1; the head takes it unless it already holds a later one.
  return transitionFirst(deps.store, ref, relatedListEvents(related.map(toRelatedLink), ref.revision + 1));
}

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
  deps: RelatedDeps,
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
    if (own && related && (await applyList(deps, own, related, parameters)) === true) neighbours.push(head.id);
  }
  if (candidates.length > 0) {
    const updates = planNeighbourUpdates({ ...head, terms: plan.terms }, candidates, lists, plan.averageLength, parameters);
    for (const planned of updates) {
      let update: NeighbourUpdate | undefined = planned;
      for (let attempt = 1; update; attempt++) {
        const applied = await applyList(deps, update, update.related, parameters);
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
        if (related && (await applyList(deps, short, related, parameters)) === true) neighbours.push(short.id);
      }
    }
  }
  return { indexed, neighbours };
}

/** Short-list markers a settle pass reads before it picks `limit` of them. */
const SETTLE_MARKERS_READ = 5000;

/**
 * The short lists a settle pass takes: every marker is read (cheap: no
 * ranking), shared out round robin over sections ({@link settleOrder}), and
 * those of a section too small to fill a list are passed over (one read of
 * `minLinks + 1` records per section), so lists that can never grow do not
 * use up the limit and starve the rest.
 */
async function settleCandidates(
  index: Pick<RelatedIndex, 'shortLists' | 'recent'>,
  section: string | undefined,
  limit: number,
  parameters: RelatedParameters,
): Promise<ShortList[]> {
  const read = await index.shortLists(section, SETTLE_MARKERS_READ);
  const canGrow = new Map<string, boolean>();
  const chosen: ShortList[] = [];
  for (const short of settleOrder(read, read.length)) {
    if (chosen.length >= limit) break;
    const name = short.article.section;
    if (!canGrow.has(name)) canGrow.set(name, (await index.recent(name, parameters.minLinks + 1, 0)).length > parameters.minLinks);
    if (canGrow.get(name)) chosen.push(short);
  }
  return chosen;
}

/** What {@link settleRelated} did. */
export interface SettleReport {
  /** Short lists examined. */
  readonly examined: number;
  /** Ids of articles given longer lists (their pages re-render). */
  readonly refreshed: string[];
}

/**
 * The settle pass after a burst: up to `limit` articles recorded with short
 * lists (of one section, or shared round robin over all sections), each ranked again against its section's newest
 * records and the records listed under its heaviest query terms, and filled
 * from its section. Bounded: `limit` × (2 + `queryListedTerms`) reads, and
 * only articles whose list grows are written and re-rendered, never the
 * archive. An article whose section still holds too few stories stays short.
 */
export async function settleRelated(
  deps: RelatedDeps,
  { limit = 100, section, parameters = DEFAULT_RELATED_PARAMETERS }: { limit?: number; section?: string; parameters?: RelatedParameters } = {},
): Promise<SettleReport> {
  const shorts = await settleCandidates(deps.index, section, limit, parameters);
  const refreshed: string[] = [];
  for (const short of shorts) {
    const { article } = short;
    const pool = [
      ...(await deps.index.recent(article.section, parameters.sectionWindow, parameters.archiveWindow)),
      ...(await deps.index.listed(heaviestQueryTerms(article.query, parameters.queryListedTerms), parameters.postingsPerTerm)),
    ];
    const stats = sampleStats(pool, [...article.query.keys()]);
    const average = stats.documents > 0 ? stats.totalLength / stats.documents : article.length;
    const related = refreshShortList(article, short.related, pool, average, parameters);
    if (related && (await applyList(deps, short, related, parameters)) === true) refreshed.push(short.id);
  }
  return { examined: shorts.length, refreshed };
}
