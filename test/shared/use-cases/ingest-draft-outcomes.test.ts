import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { STAGES } from '../../../shared/domain/lifecycle';
import { articleIdFor } from '../../../shared/domain/publishing/article-id';
import { reportKeyFor } from '../../../shared/domain/publishing/draft-report';
import { handleDraftEvent, type IngestDependencies } from '../../../shared/use-cases/ingest-draft';
import { markdownDraft } from '../../e2e/drafts';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';
import { createMemoryDraftBucket, createMemoryScheduler, createMemorySiteBucket, createRecordingTopic } from '../../support/in-memory/ports';

const NOW = new Date('2026-12-01T09:00:00.000Z');
const LATER = '2026-12-02T09:00:00.000Z';

let drafts: ReturnType<typeof createMemoryDraftBucket>;
let store: ReturnType<typeof createMemoryArticleStore>;
let scheduler: ReturnType<typeof createMemoryScheduler>;
let editors: ReturnType<typeof createRecordingTopic>;
let deps: IngestDependencies;

beforeEach(() => {
  drafts = createMemoryDraftBucket();
  store = createMemoryArticleStore();
  scheduler = createMemoryScheduler();
  editors = createRecordingTopic();
  deps = {
    drafts,
    store,
    scheduler,
    editors,
    related: createMemoryRelatedIndex(),
    site: createMemorySiteBucket(),
    siteUrl: 'https://news.example',
    now: () => NOW,
  };
});

const upload = (key: string, fields: Record<string, unknown>) => {
  drafts.put(key, markdownDraft({ section: 'World', ...fields }));
  return handleDraftEvent(deps, { key, removed: false });
};
const remove = (key: string) => {
  drafts.objects.delete(key);
  return handleDraftEvent(deps, { key, removed: true });
};
const report = (key: string) => drafts.documents.get(reportKeyFor(key)) as { status: string; url?: string; errors: { path: string }[] };
const head = (key: string) => store.heads.get(articleIdFor(key));

describe('ingesting a draft', () => {
  it('publishes a valid draft at the render stage, reports its URL and tells the editors', async () => {
    expect(await upload('drafts/a.md', { title: 'Council approves plan' })).toBe('published');
    expect(head('drafts/a.md')).toMatchObject({ version: 1, status: 'published', stage: STAGES.render, alertDue: true });
    expect(report('drafts/a.md')).toMatchObject({ status: 'published', url: 'https://news.example/articles/council-approves-plan/' });
    expect(editors.sent.map((message) => message.attributes)).toEqual([{ status: 'published' }]);
  });

  it("keeps the editor's save time (the S3 event time) on the version, for drop-to-live", async () => {
    drafts.put('drafts/saved.md', markdownDraft({ section: 'World', title: 'Saved at a known time' }));
    await handleDraftEvent(deps, { key: 'drafts/saved.md', removed: false, savedAt: '2026-12-01T08:59:59.250Z' });
    expect(head('drafts/saved.md')).toMatchObject({ savedAt: '2026-12-01T08:59:59.250Z', updatedAt: NOW.toISOString() });
  });

  it('tells the caller the moment the version is stored, before the report is written', async () => {
    const seen: string[] = [];
    drafts.put('drafts/stored.md', markdownDraft({ section: 'World', title: 'Stored before reported' }));
    await handleDraftEvent(
      { ...deps, onStored: (stored) => seen.push(`${stored.version}:${head('drafts/stored.md')?.version}:${report('drafts/stored.md')?.status}`) },
      { key: 'drafts/stored.md', removed: false },
    );
    expect(seen).toEqual(['1:1:undefined']);
  });

  it('schedules a draft whose publishAt is in the future, without listing it', async () => {
    expect(await upload('drafts/b.md', { title: 'Budget vote', publishAt: LATER })).toBe('scheduled');
    expect(head('drafts/b.md')).toMatchObject({ status: 'scheduled', stage: STAGES.scheduled, publishedAt: LATER });
    expect(scheduler.pending.get(articleIdFor('drafts/b.md'))).toEqual({ version: 1, at: LATER });
    expect(await store.listPublished(10)).toEqual([]);
  });

  it('changes nothing when the same bytes arrive again, and says so', async () => {
    await upload('drafts/c.md', { title: 'Same story' });
    expect(await upload('drafts/c.md', { title: 'Same story' })).toBe('unchanged');
    expect(head('drafts/c.md')?.version).toBe(1);
    expect(report('drafts/c.md').status).toBe('unchanged');
  });

  it('writes a new version for new bytes, owing no second alert', async () => {
    await upload('drafts/d.md', { title: 'First take' });
    expect(await upload('drafts/d.md', { title: 'First take', dek: 'Now with a dek.' })).toBe('published');
    expect(head('drafts/d.md')).toMatchObject({ version: 2, stage: STAGES.render, alertDue: false });
  });

  it('rejects a draft that fails validation, with a report naming the field, and stores nothing', async () => {
    expect(await upload('drafts/e.md', { section: 'World' })).toBe('rejected');
    expect(report('drafts/e.md').errors.map((error) => error.path)).toContain('title');
    expect(head('drafts/e.md')).toBeUndefined();
    expect(editors.sent[0]?.attributes).toEqual({ status: 'rejected' });
  });

  it('rejects an oversize draft before reading it', async () => {
    deps = { ...deps, maxDraftBytes: 100 };
    expect(await upload('drafts/f.md', { title: 'Too long' })).toBe('rejected');
    expect(report('drafts/f.md').errors).toEqual([expect.objectContaining({ path: '' })]);
  });

  it('rejects a slug another article holds, naming the holder', async () => {
    await upload('drafts/g1.md', { title: 'Shared slug' });
    expect(await upload('drafts/g2.md', { title: 'Shared slug' })).toBe('rejected');
    expect(report('drafts/g2.md').errors.map((error) => error.path)).toEqual(['slug']);
    expect(head('drafts/g2.md')).toBeUndefined();
  });

  it('ignores keys outside drafts/ or with another suffix, and drafts already gone', async () => {
    expect(await upload('reports/x.md', { title: 'Not a draft' })).toBe('ignored');
    expect(await upload('drafts/x.txt', { title: 'Not a draft' })).toBe('ignored');
    expect(await handleDraftEvent(deps, { key: 'drafts/never-uploaded.md', removed: false })).toBe('ignored');
    expect(drafts.documents.size).toBe(0);
  });
});

describe('withdrawing a deleted draft', () => {
  it('withdraws the article owing nothing, and cancels its schedule', async () => {
    await upload('drafts/h.md', { title: 'To be withdrawn', publishAt: LATER });
    expect(await remove('drafts/h.md')).toBe('withdrawn');
    expect(head('drafts/h.md')).toMatchObject({ version: 2, status: 'withdrawn', stage: STAGES.render, alertDue: false });
    expect(scheduler.pending.size).toBe(0);
    expect(report('drafts/h.md').status).toBe('withdrawn');
  });

  it('ignores a repeated deletion, and one a newer upload has overtaken', async () => {
    await upload('drafts/i.md', { title: 'Back again' });
    await remove('drafts/i.md');
    expect(await remove('drafts/i.md')).toBe('ignored');
    drafts.put('drafts/i.md', markdownDraft({ section: 'World', title: 'Back again' }));
    expect(await handleDraftEvent(deps, { key: 'drafts/i.md', removed: true })).toBe('ignored');
    expect(head('drafts/i.md')?.version).toBe(2);
  });

  it('ignores the deletion of a draft that never became an article', async () => {
    expect(await remove('drafts/j.md')).toBe('ignored');
  });
});
