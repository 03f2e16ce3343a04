import { DRAFT_SUFFIXES, DRAFTS_PREFIX, MAX_DRAFT_BYTES } from '../../events/names';
import type { DraftReport } from '../../events/draft-report';
import type { ArticleStore } from '../adapters/article-store';
import type { DraftBucket } from '../adapters/draft-bucket';
import type { TopicPublisher } from '../adapters/topic-publisher';
import { articlePath, type DraftProblem } from '../domain/article';
import { parseDraft } from '../domain/draft';
import { articleIdFor, sha256 } from '../domain/publishing/article-id';
import { acceptedReport, describeReport, rejectedReport, reportKeyFor } from '../domain/publishing/draft-report';
import { planNextVersion } from '../domain/publishing/next-version';
import { rankRelated } from '../domain/related/rank-related';
import { generateTakeaways } from '../domain/takeaways';

/** What ingesting a draft needs. */
export interface IngestDependencies {
  readonly drafts: DraftBucket;
  readonly store: ArticleStore;
  readonly editors: TopicPublisher;
  readonly siteUrl: string;
  readonly now?: () => Date;
  readonly log?: (line: string, detail?: Record<string, unknown>) => void;
  readonly maxDraftBytes?: number;
}

/** What happened to one draft event. */
export type IngestOutcome = 'ignored' | 'rejected' | 'unchanged' | 'published' | 'scheduled';

/** Whether an object key is a draft the pipeline should ingest. */
export function isDraftKey(key: string): boolean {
  return key.startsWith(DRAFTS_PREFIX) && DRAFT_SUFFIXES.some((suffix) => key.toLowerCase().endsWith(suffix));
}

const RECENT_CANDIDATES = 100;

/**
 * Ingests one uploaded draft: reads it (refusing oversize objects before
 * reading them), parses and validates it, completes takeaways and related
 * links, and stores a new version. A bad draft gets a report beside it and
 * an alert on the editors' topic; it never throws. Infrastructure failures
 * do throw, so the message is retried and finally dead-lettered.
 */
export async function ingestDraft(deps: IngestDependencies, draftKey: string): Promise<IngestOutcome> {
  if (!isDraftKey(draftKey)) return 'ignored';
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const maxBytes = deps.maxDraftBytes ?? MAX_DRAFT_BYTES;

  const reject = async (errors: readonly DraftProblem[]): Promise<IngestOutcome> => {
    const report = rejectedReport(draftKey, errors, now);
    await finish(deps, report);
    return 'rejected';
  };

  const read = await deps.drafts.read(draftKey, maxBytes);
  if (read.kind === 'missing') return 'ignored';
  if (read.kind === 'too-large') {
    return reject([{ path: '', message: `The draft is ${read.size} bytes; the limit is ${maxBytes} bytes.` }]);
  }
  const parsed = parseDraft({ fileName: draftKey, bytes: read.bytes, maxBytes });
  if (!parsed.ok) return reject(parsed.errors);

  const draft = parsed.draft;
  const id = articleIdFor(draftKey);
  const previous = await deps.store.getHead(id);
  const candidates = await deps.store.listPublished(RECENT_CANDIDATES);
  const next = planNextVersion({
    id,
    draftKey,
    draft,
    previous,
    sourceHash: sha256(read.bytes),
    takeaways: draft.takeaways ?? generateTakeaways(draft),
    takeawaysSource: draft.takeaways ? 'editor' : 'extractive',
    related: rankRelated({ ...draft, id }, candidates),
    now,
  });
  if (!next) return 'unchanged';

  const saved = await deps.store.saveVersion(next, previous?.version ?? 0);
  if (saved.kind === 'slug-taken') {
    return reject([
      {
        path: 'slug',
        message: `The slug "${draft.slug}" is taken by "${saved.holder.title}" (${saved.holder.draftKey}); set another slug.`,
      },
    ]);
  }
  const status = next.status === 'scheduled' ? 'scheduled' : 'published';
  await finish(
    deps,
    acceptedReport(draftKey, { status, url: `${deps.siteUrl}${encodeURI(articlePath(next.slug))}`, publishAt: draft.publishAt }, now),
  );
  return status;
}

async function finish(deps: IngestDependencies, report: DraftReport): Promise<void> {
  await deps.drafts.writeJson(reportKeyFor(report.draft), report);
  const summary = describeReport(report);
  deps.log?.(report.status === 'rejected' ? `Rejected ${report.draft}:\n${summary}` : summary, { report });
  await deps.editors.publish({
    subject: `Draft ${report.status}: ${report.draft}`,
    message: summary,
    attributes: { status: report.status },
  });
}
