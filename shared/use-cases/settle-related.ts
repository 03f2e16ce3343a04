// The domain modules are imported one by one, not through '../domain/related': the reconciler runs this pass at
// every invocation, and the index would bring term extraction and its Markdown parser into its bundle.
import type { RelatedIndex, ShortList } from '../ports/related-index';
import { heaviestQueryTerms } from '../domain/related/bm25';
import { DEFAULT_RELATED_PARAMETERS, type RelatedParameters } from '../domain/related/parameters';
import { refreshShortList } from '../domain/related/plan-neighbours';
import { sampleStats } from '../domain/related/sample-stats';
import { settleOrder } from '../domain/related/settle-order';
import { applyRelatedList, type RelatedListDeps } from './related-lists';

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
  deps: RelatedListDeps,
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
    if (related && (await applyRelatedList(deps, short, related, parameters)) === true) refreshed.push(short.id);
  }
  return { examined: shorts.length, refreshed };
}
