import type { DraftReport } from '../../events/draft-report';
import type { DraftBucket } from '../ports/draft-bucket';
import type { TopicPublisher } from '../ports/topic-publisher';
import { describeReport, reportKeyFor } from '../domain/publishing/draft-report';

/** What filing a draft report needs. */
export interface ReportDependencies {
  readonly drafts: Pick<DraftBucket, 'writeJson'>;
  readonly editors: TopicPublisher;
  readonly log?: (line: string, detail?: Record<string, unknown>) => void;
}

/** Writes a draft's report beside it, logs it, and tells the editors' topic. */
export async function fileReport(deps: ReportDependencies, report: DraftReport): Promise<void> {
  await deps.drafts.writeJson(reportKeyFor(report.draft), report);
  const summary = describeReport(report);
  deps.log?.(report.status === 'rejected' ? `Rejected ${report.draft}:\n${summary}` : summary, { report });
  await deps.editors.publish({
    subject: `Draft ${report.status}: ${report.draft}`,
    message: summary,
    attributes: { status: report.status },
  });
}
