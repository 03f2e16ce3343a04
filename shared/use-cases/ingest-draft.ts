import { isDraftKey, MAX_DRAFT_BYTES } from '../../events/names';
import type { ArticleStore } from '../ports/article-store';
import { withContent } from '../domain/article-content';
import type { DraftBucket } from '../ports/draft-bucket';
import type { PublishScheduler } from '../ports/publish-scheduler';
import type { SiteAssets, SiteBucket } from '../ports/site-bucket';
import type { RelatedIndex } from '../ports/related-index';
import type { TopicPublisher } from '../ports/topic-publisher';
import { articlePath, type ArticleHead, type DraftProblem } from '../domain/article';
import { deadlineAfter, DraftTooComplexError } from '../domain/deadline';
import type { SiteConfig } from '../domain/render';
import { parseDraft } from '../domain/draft';
import { articleIdFor, sha256 } from '../domain/publishing/article-id';
import { acceptedReport, outcomeReport, rejectedReport } from '../domain/publishing/draft-report';
import { isUnchanged, planNextVersion, planWithdrawal } from '../domain/publishing/next-version';
import { findRelated, publishRelated, type RelatedPlan } from './related-articles';
import type { RelatedReads } from './coalesced-reads';
import { chooseTakeaways } from './takeaway-provider';
import type { TakeawayProvider } from '../ports/takeaway-provider';
import { prepareDraftImage } from './draft-image';
import { fileReport as finish } from './file-report';
import { isPreviewKey } from '../domain/publishing/preview';
import { previewDraft, type PreviewOutcome } from './preview-draft';

/** What ingesting a draft needs. */
export interface IngestDependencies {
  readonly drafts: DraftBucket;
  readonly store: ArticleStore;
  readonly related: RelatedIndex;
  /** The reads of a draft's first related-links retrieval, when they differ from `related`'s (see `coalescedReads`). @default related */
  readonly relatedReads?: RelatedReads;
  readonly scheduler: PublishScheduler;
  readonly editors: TopicPublisher;
  /** Where a draft's image is copied, and previews are written. */
  readonly site: SiteBucket & SiteAssets;
  readonly siteUrl: string;
  /** Brand and sections of preview pages. @default publication `Newsroom`, the default sections */
  readonly siteConfig?: Omit<SiteConfig, 'baseUrl'>;
  readonly now?: () => Date;
  /**
   * Told the moment a new version is stored, which is when rendering can start:
   * the work after it (related links, the report) may finish after the page is live.
   */
  readonly onStored?: (head: ArticleHead) => void;
  readonly log?: (line: string, detail?: Record<string, unknown>) => void;
  readonly maxDraftBytes?: number;
  /** Writes takeaways an editor left out; absent means the extractive method. */
  readonly takeaways?: TakeawayProvider;
  /** How long to wait for `takeaways` before falling back. @default DEFAULT_TAKEAWAYS_TIMEOUT_MS */
  readonly takeawaysTimeoutMs?: number;
  /**
   * How long each CPU-bound step for one draft (related terms, takeaways) may take before
   * the draft is rejected as too complex. Each step's clock starts when the step does, so
   * time spent waiting on I/O never counts. @default DRAFT_DEADLINE_MS
   */
  readonly draftDeadlineMs?: number;
}

/**
 * The deadline of each CPU-bound ingest step: far above what any draft up to the size limit
 * needs (see `npm run bench -- hostile`) and, both steps together, far below the function's
 * timeout, so a draft that would pass it gets a report instead of a timeout.
 */
export const DRAFT_DEADLINE_MS = 5_000;

/** What happened to one draft event. */
export type IngestOutcome = 'ignored' | 'rejected' | 'unchanged' | 'published' | 'scheduled' | 'withdrawn';

/** One drafts-bucket notification, decoded. */
export interface DraftEvent {
  readonly key: string;
  /** An ObjectRemoved event: the editor deleted the draft. */
  readonly removed: boolean;
  /** When the editor saved (or deleted) the draft: the S3 event time. */
  readonly savedAt?: string;
}

/** Routes a drafts-bucket notification: an upload is ingested (or previewed, under `previews/`), a deletion withdraws the article. */
export async function handleDraftEvent(deps: IngestDependencies, event: DraftEvent): Promise<IngestOutcome | PreviewOutcome> {
  if (isPreviewKey(event.key)) {
    if (event.removed) return 'ignored';
    const siteConfig = { publication: 'Newsroom', ...deps.siteConfig, baseUrl: deps.siteUrl };
    return previewDraft({ ...deps, siteConfig }, event.key);
  }
  return event.removed ? withdrawDraft(deps, event.key) : ingestDraft(deps, event.key, event.savedAt);
}

/** Whether an object key is a draft the pipeline should ingest (one definition, shared with the S3 filters). */
export { isDraftKey };

/**
 * Ingests one uploaded draft: reads it (refusing oversize objects before
 * reading them), parses and validates it, completes takeaways and related
 * links, and stores a new version. A bad draft gets a report beside it and
 * an alert on the editors' topic; it never throws. Infrastructure failures
 * do throw, so the message is retried and finally dead-lettered.
 */
export async function ingestDraft(deps: IngestDependencies, draftKey: string, savedAt?: string): Promise<IngestOutcome> {
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
  const deadlineMs = deps.draftDeadlineMs ?? DRAFT_DEADLINE_MS;
  const parsed = parseDraft({ fileName: draftKey, bytes: read.bytes, maxBytes, now });
  if (!parsed.ok) return reject(parsed.errors);

  const draft = parsed.draft;
  const id = articleIdFor(draftKey);
  const previous = await deps.store.getHead(id);
  const tooComplex = (error: unknown): Promise<IngestOutcome> => {
    if (!(error instanceof DraftTooComplexError)) throw error;
    return reject([{ path: 'body', message: `The draft is ${error.message}; shorten or simplify it.` }]);
  };
  let related: RelatedPlan;
  try {
    // Term extraction runs synchronously at the start of findRelated, before any I/O.
    related = await findRelated(
      deps.relatedReads ?? deps.related,
      { ...draft, id, publishedAt: previous?.publishedAt ?? draft.publishAt ?? now },
      undefined,
      deadlineAfter(deadlineMs),
    );
  } catch (error) {
    return tooComplex(error);
  }
  const sourceHash = sha256(read.bytes);
  if (previous && isUnchanged(previous, sourceHash)) {
    // Redelivered, or re-uploaded unchanged: redo the idempotent follow-ups a crashed attempt may have missed.
    await followUp(deps, previous, related);
    await finish(deps, outcomeReport(draftKey, 'unchanged', articleUrlFor(deps, previous.slug), now));
    return 'unchanged';
  }
  const prepared = await prepareDraftImage({ drafts: deps.drafts, assets: deps.site }, draftKey, draft);
  if (!prepared.ok) return reject(prepared.errors);
  let takeaways: Awaited<ReturnType<typeof chooseTakeaways>>;
  try {
    takeaways = await chooseTakeaways({ draft, provider: deps.takeaways, timeoutMs: deps.takeawaysTimeoutMs, deadlineMs });
  } catch (error) {
    return tooComplex(error);
  }
  if (takeaways.fallbackReason) deps.log?.(`Extractive takeaways for ${draftKey}: ${takeaways.fallbackReason}`, { draftKey });
  const next = planNextVersion({
    id,
    draftKey,
    draft: prepared.draft,
    previous,
    sourceHash,
    takeaways: takeaways.takeaways,
    takeawaysSource: takeaways.source,
    related: related.links,
    now,
    savedAt,
  });
  if (!next) throw new Error(`Unreachable: ${draftKey} changed but planned no version`);
  const url = articleUrlFor(deps, next.slug);

  // The schedule exists before the version that needs it, so a schedule that cannot be made leaves the head as it was.
  if (next.status === 'scheduled' && next.publishAt) {
    try {
      await deps.scheduler.schedule(next.id, next.version, next.publishAt);
    } catch (error) {
      deps.log?.(`Could not schedule ${draftKey}`, { draftKey, error: String(error) });
      return reject([
        {
          path: 'publishAt',
          message: `The article could not be scheduled (${errorName(error)}); nothing was changed. Save the draft again to retry.`,
        },
      ]);
    }
  }
  const saved = await deps.store.saveVersion(next, previous?.version ?? 0);
  if (saved.kind === 'slug-taken') {
    if (previous) await followUpSchedule(deps, previous);
    else await deps.scheduler.cancel(id);
    return reject([
      {
        path: 'slug',
        message: `The slug "${draft.slug}" is taken by "${saved.holder.title}" (${saved.holder.draftKey}); set another slug.`,
      },
    ]);
  }
  deps.onStored?.(next);
  await followUp(deps, next, related);
  const status = next.status === 'scheduled' ? 'scheduled' : 'published';
  await finish(deps, acceptedReport(draftKey, { status, url, publishAt: next.status === 'scheduled' ? next.publishAt : undefined }, now));
  return status;
}

/**
 * Withdraws the article a deleted draft produced: a new version that leaves
 * every list (its page answers 410), its related-index entries removed, and
 * any pending schedule cancelled. A deletion that a newer upload of the same
 * key has already overtaken is ignored, as is a repeated one.
 */
export async function withdrawDraft(deps: IngestDependencies, draftKey: string): Promise<IngestOutcome> {
  if (!isDraftKey(draftKey)) return 'ignored';
  const now = (deps.now ?? (() => new Date()))().toISOString();
  const previous = await deps.store.getHead(articleIdFor(draftKey));
  const next = previous && planWithdrawal(previous, now);
  if (!next) return 'ignored';
  if ((await deps.drafts.read(draftKey, deps.maxDraftBytes ?? MAX_DRAFT_BYTES)).kind !== 'missing') return 'ignored';
  // The withdrawn version's item keeps the content of the version it withdraws, as every version item holds its own.
  await deps.store.saveVersion(withContent(next, await deps.store.getContents([previous])), previous.version);
  deps.onStored?.(next);
  await deps.scheduler.cancel(next.id);
  await deps.related.removeArticle(next.id);
  await finish(deps, outcomeReport(draftKey, 'withdrawn', articleUrlFor(deps, next.slug), now));
  return 'withdrawn';
}

/** Brings the schedule and the related index in line with a stored version; safe to repeat. */
async function followUp(deps: IngestDependencies, head: ArticleHead, related: RelatedPlan): Promise<void> {
  await followUpSchedule(deps, head);
  if (head.status === 'published') await publishRelated({ index: deps.related, store: deps.store }, head, related);
}

/** Brings the article's schedule in line with a stored version; safe to repeat. */
async function followUpSchedule(deps: IngestDependencies, head: ArticleHead): Promise<void> {
  if (head.status === 'scheduled' && head.publishAt) await deps.scheduler.schedule(head.id, head.version, head.publishAt);
  else await deps.scheduler.cancel(head.id);
}

function errorName(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function articleUrlFor(deps: IngestDependencies, slug: string): string {
  return `${deps.siteUrl}${encodeURI(articlePath(slug))}`;
}
