import { ValidationException } from '@aws-sdk/client-scheduler';
import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { draftReportSchema, type DraftReport } from '../../../events/draft-report';
import type { ArticleStore } from '../../../shared/ports/article-store';
import type { DraftBucket } from '../../../shared/ports/draft-bucket';
import type { PublishScheduler } from '../../../shared/ports/publish-scheduler';
import type { RelatedIndex } from '../../../shared/ports/related-index';
import type { TopicMessage } from '../../../shared/ports/topic-publisher';
import { articleIdFor } from '../../../shared/domain/publishing/article-id';
import { reportKeyFor } from '../../../shared/domain/publishing/draft-report';
import { ingestDraft, type IngestDependencies } from '../../../shared/use-cases/ingest-draft';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';
import { createMemorySiteBucket } from '../../support/in-memory/ports';

const NOW = new Date('2026-12-01T09:00:00.000Z');
let store: ArticleStore;
let related: RelatedIndex;

beforeEach(() => {
  store = createMemoryArticleStore();
  related = createMemoryRelatedIndex();
});

/** The drafts bucket in memory: what was uploaded, and the reports written. */
function memoryDrafts(files: Record<string, string>): DraftBucket & { readonly reports: Map<string, DraftReport> } {
  const reports = new Map<string, DraftReport>();
  return {
    reports,
    read: async (key) => (key in files ? { kind: 'read', bytes: new TextEncoder().encode(files[key]) } : { kind: 'missing' }),
    writeJson: async (key, document) => void reports.set(key, draftReportSchema.parse(document)),
  };
}

/** A scheduler whose every call fails, as EventBridge Scheduler does for an expression it refuses. */
function failingScheduler(): PublishScheduler & { readonly calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    schedule: async (id) => {
      calls.push(`schedule ${id}`);
      throw new ValidationException({ message: 'Invalid Schedule Expression', Message: 'Invalid Schedule Expression', $metadata: {} });
    },
    cancel: async (id) => void calls.push(`cancel ${id}`),
  };
}

function dependencies(files: Record<string, string>, overrides: Partial<IngestDependencies> = {}) {
  const alerts: TopicMessage[] = [];
  const drafts = memoryDrafts(files);
  const deps: IngestDependencies = {
    drafts,
    store,
    related,
    scheduler: { schedule: async () => undefined, cancel: async () => undefined },
    site: createMemorySiteBucket(),
    editors: {
      publish: async (message) => {
        alerts.push(message);
        return `m${alerts.length}`;
      },
    },
    siteUrl: 'https://news.example.com',
    now: () => NOW,
    ...overrides,
  };
  return { deps, alerts, reports: drafts.reports };
}

const draft = (title: string, extra = '') =>
  `---\ntitle: ${title}\nsection: World\n${extra}---\n\nThe council met on Tuesday to vote on the budget for next year.\n`;

describe('ingestDraft limits', () => {
  it('rejects a draft whose processing passes the deadline as too complex, with a report and an editors alert', async () => {
    const key = 'drafts/limits/too-complex.md';
    const { deps, alerts, reports } = dependencies({ [key]: draft('Too complex') }, { draftDeadlineMs: -1 });
    expect(await ingestDraft(deps, key)).toBe('rejected');
    expect(reports.get(reportKeyFor(key))?.errors).toEqual([
      { path: 'body', message: expect.stringMatching(/^The draft is too complex: .* did not finish within -1 ms/) },
    ]);
    expect(alerts.map((a) => a.subject)).toEqual([`Draft rejected: ${key}`]);
    expect(await store.getHead(articleIdFor(key))).toBeUndefined();
  });

  it('rejects a draft whose schedule cannot be made, saving no version', async () => {
    const key = 'drafts/limits/unschedulable.md';
    const scheduler = failingScheduler();
    const { deps, alerts, reports } = dependencies({ [key]: draft('Cannot schedule', 'publishAt: 2027-01-01T09:00:00Z\n') }, { scheduler });
    expect(await ingestDraft(deps, key)).toBe('rejected');
    expect(reports.get(reportKeyFor(key))?.errors).toEqual([
      { path: 'publishAt', message: expect.stringMatching(/could not be scheduled \(ValidationException: Invalid Schedule Expression\)/) },
    ]);
    expect(alerts.map((a) => a.subject)).toEqual([`Draft rejected: ${key}`]);
    expect(await store.getHead(articleIdFor(key))).toBeUndefined();
  });

  it('keeps a scheduled article and its schedule as they were when moving it fails', async () => {
    const key = 'drafts/limits/scheduled-then-unschedulable.md';
    const first = dependencies({ [key]: draft('Scheduled first', 'publishAt: 2027-01-01T09:00:00Z\n') });
    expect(await ingestDraft(first.deps, key)).toBe('scheduled');
    const scheduler = failingScheduler();
    const second = dependencies({ [key]: draft('Scheduled first, moved', 'publishAt: 2027-02-01T09:00:00Z\n') }, { scheduler });
    expect(await ingestDraft(second.deps, key)).toBe('rejected');
    expect(await store.getHead(articleIdFor(key))).toMatchObject({ status: 'scheduled', version: 1, publishAt: '2027-01-01T09:00:00.000Z' });
    expect(scheduler.calls).toEqual([`schedule ${articleIdFor(key)}`]);
  });
});
