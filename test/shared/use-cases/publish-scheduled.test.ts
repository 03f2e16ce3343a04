import { beforeEach, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/domain/lifecycle';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import type { ArticleStore } from '../../../shared/ports/article-store';
import type { RelatedIndex } from '../../../shared/ports/related-index';
import type { ArticleHeadWithContent } from '../../../shared/domain/article';
import { publishScheduled } from '../../../shared/use-cases/publish-scheduled';
import { articleHead } from '../../support/article-fixtures';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';

const PUBLISH_AT = '2026-12-01T08:00:00.000Z';
let store: ArticleStore;
let related: RelatedIndex;

function scheduledHead(id: string, overrides: Partial<ArticleHeadWithContent> = {}): ArticleHeadWithContent {
  return articleHead(id, {
    status: 'scheduled',
    stage: STAGES.scheduled,
    section: 'Business',
    tags: ['markets'],
    publishAt: PUBLISH_AT,
    publishedAt: PUBLISH_AT,
    updatedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  });
}

beforeEach(() => {
  store = createMemoryArticleStore();
  related = createMemoryRelatedIndex();
});

describe('publishScheduled', () => {
  it('makes the scheduled version published at the render stage, keeping its publishedAt and alert', async () => {
    await store.saveVersion(scheduledHead('p1'), 0);
    const outcome = await publishScheduled({ store, related }, { id: 'p1', version: 1 });
    const head = await store.getHead('p1');
    expect(outcome).toBe('published');
    expect(head).toMatchObject({ status: 'published', stage: STAGES.render, publishedAt: PUBLISH_AT, alertDue: true, version: 1 });
  });

  it('lists the article among the published once its time has come, and not before', async () => {
    await store.saveVersion(scheduledHead('p2'), 0);
    const before = (await store.listPublished(100)).map((s) => s.id);
    await publishScheduled({ store, related }, { id: 'p2', version: 1 });
    const after = (await store.listPublished(100)).map((s) => s.id);
    expect([before.includes('p2'), after.includes('p2')]).toEqual([false, true]);
  });

  it('does nothing when the article has a newer version than the schedule names', async () => {
    await store.saveVersion(scheduledHead('p3'), 0);
    await store.saveVersion(scheduledHead('p3', { version: 2, sourceHash: 'h2' }), 1);
    const outcome = await publishScheduled({ store, related }, { id: 'p3', version: 1 });
    expect([outcome, (await store.getHead('p3'))?.status]).toEqual(['stale', 'scheduled']);
  });

  it('does nothing when the article was withdrawn', async () => {
    await store.saveVersion(scheduledHead('p4'), 0);
    await store.saveVersion(scheduledHead('p4', { version: 2, status: 'withdrawn', stage: STAGES.render, sourceHash: 'h2' }), 1);
    const outcome = await publishScheduled({ store, related }, { id: 'p4', version: 2 });
    expect([outcome, (await store.getHead('p4'))?.status]).toEqual(['stale', 'withdrawn']);
  });

  it('publishes once when the schedule is delivered twice', async () => {
    await store.saveVersion(scheduledHead('p5'), 0);
    const first = await publishScheduled({ store, related }, { id: 'p5', version: 1 });
    await store.transition({ id: 'p5', version: 1 }, { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
    const second = await publishScheduled({ store, related }, { id: 'p5', version: 1 });
    expect([first, second, (await store.getHead('p5'))?.stage]).toEqual(['published', 'stale', STAGES.notify]);
  });

  it('does nothing for an article that does not exist', async () => {
    expect(await publishScheduled({ store, related }, { id: 'missing', version: 1 })).toBe('stale');
  });

  it('refuses to publish through the store when the head changed after it was read', async () => {
    await store.saveVersion(scheduledHead('p6'), 0);
    await store.saveVersion(scheduledHead('p6', { version: 2, sourceHash: 'h2', publishedAt: '2026-12-02T08:00:00.000Z' }), 1);
    expect(await store.transition({ id: 'p6', version: 1 }, { type: 'scheduleDue', publishedAt: PUBLISH_AT, related: [] })).toBe(false);
  });
});
