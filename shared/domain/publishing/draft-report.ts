import { DRAFTS_PREFIX, REPORTS_PREFIX } from '../../../events/names';
import type { DraftReport } from '../../../events/draft-report';
import type { DraftProblem } from '../article';

/** The key of a draft's report: `reports/<path after drafts/>.json`. */
export function reportKeyFor(draftKey: string): string {
  const relative = draftKey.startsWith(DRAFTS_PREFIX) ? draftKey.slice(DRAFTS_PREFIX.length) : draftKey;
  return `${REPORTS_PREFIX}${relative}.json`;
}

/** A report for a draft that was not published, saying what is wrong and where. */
export function rejectedReport(draftKey: string, errors: readonly DraftProblem[], at: string): DraftReport {
  return { draft: draftKey, status: 'rejected', at, errors: [...errors] };
}

/** A report for a draft that was accepted: published at `url`, or scheduled for `publishAt`. */
export function acceptedReport(
  draftKey: string,
  outcome: { status: 'published' | 'scheduled'; url: string; publishAt?: string },
  at: string,
): DraftReport {
  return { draft: draftKey, at, errors: [], ...outcome };
}

/** A report for a draft whose upload changed nothing, or whose deletion withdrew its article. */
export function outcomeReport(draftKey: string, status: 'unchanged' | 'withdrawn', url: string, at: string): DraftReport {
  return { draft: draftKey, status, url, at, errors: [] };
}

/** A report for a previewed draft: its unlisted address and when that expires. */
export function previewReport(draftKey: string, url: string, expiresAt: string, at: string): DraftReport {
  return { draft: draftKey, status: 'previewed', url, expiresAt, at, errors: [] };
}

/** One line per problem, `file:line: path: message`, for terminals and e-mail. */
export function describeReport(report: DraftReport): string {
  if (report.status === 'scheduled') return `${report.draft}: scheduled for ${report.publishAt} at ${report.url}`;
  if (report.status === 'previewed') return `${report.draft}: preview at ${report.url} until ${report.expiresAt}`;
  if (report.status !== 'rejected') return `${report.draft}: ${report.status}${report.url ? ` ${report.url}` : ''}`;
  return report.errors.map((error) => `${report.draft}${error.line ? `:${error.line}` : ''}: ${error.path || '(file)'}: ${error.message}`).join('\n');
}
