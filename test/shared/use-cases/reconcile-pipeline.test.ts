import { beforeEach, describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { STAGES } from '../../../shared/domain/lifecycle';
import { publishScheduled } from '../../../shared/use-cases/publish-scheduled';
import { MAX_NUDGES, reconcilePipeline, type ReconcileDependencies } from '../../../shared/use-cases/reconcile-pipeline';
import { articleHead } from '../../support/article-fixtures';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();
let store: ReturnType<typeof createMemoryArticleStore>;
let deps: ReconcileDependencies;

beforeEach(() => {
  store = createMemoryArticleStore();
  const publishDeps = { store, related: createMemoryRelatedIndex() };
  deps = { heads: store, publishDue: (ref) => publishScheduled(publishDeps, ref), clock: () => NOW, stuckAfterMs: 10 * 60_000 };
});

describe('reconcilePipeline', () => {
  it('nudges a head stuck in render past the deadline, through the lifecycle, and leaves a fresh one alone', async () => {
    await store.saveVersion(articleHead('stuck', { updatedAt: ago(30) }), 0);
    await store.saveVersion(articleHead('fresh', { stage: STAGES.notify, updatedAt: ago(1) }), 0);
    await store.saveVersion(articleHead('finished', { stage: STAGES.done, updatedAt: ago(60) }), 0);
    const report = await reconcilePipeline(deps);
    expect(report).toEqual({ nudged: ['stuck v1 (render)'], published: [], givenUp: [], inDoubt: [] });
    expect(store.heads.get('stuck')).toMatchObject({ stage: STAGES.render, nudges: 1, nudgedAt: NOW.toISOString() });
    // The nudge itself restarts the clock: the next pass right away leaves it alone.
    expect((await reconcilePipeline(deps)).nudged).toEqual([]);
  });

  it('gives up on a head nudged the most times, and reports it instead', async () => {
    await store.saveVersion(articleHead('hopeless', { updatedAt: ago(60), nudgedAt: ago(30), nudges: MAX_NUDGES }), 0);
    expect(await reconcilePipeline(deps)).toEqual({ nudged: [], published: [], givenUp: ['hopeless v1 (render)'], inDoubt: [] });
  });

  it('publishes a scheduled head whose time passed long ago, and not one still within the deadline', async () => {
    const scheduled = { status: 'scheduled', stage: STAGES.scheduled } as const;
    await store.saveVersion(articleHead('late', { ...scheduled, slug: 'late', publishedAt: ago(30) }), 0);
    await store.saveVersion(articleHead('soon', { ...scheduled, slug: 'soon', publishedAt: ago(1) }), 0);
    expect((await reconcilePipeline(deps)).published).toEqual(['late v1 (scheduled)']);
    expect(store.heads.get('late')).toMatchObject({ status: 'published', stage: STAGES.render });
    expect(store.heads.get('soon')).toMatchObject({ status: 'scheduled' });
  });

  it('does not nudge a head that moved on between the listing and the nudge', async () => {
    await store.saveVersion(articleHead('racing', { updatedAt: ago(30) }), 0);
    const moving: ReconcileDependencies = {
      ...deps,
      heads: {
        listUnfinished: () => store.listUnfinished(),
        async transition(ref, event) {
          await store.transition(ref, { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
          return store.transition(ref, event);
        },
      },
    };
    expect((await reconcilePipeline(moving)).nudged).toEqual([]);
    expect(store.heads.get('racing')).toMatchObject({ stage: STAGES.notify });
    expect(store.heads.get('racing')).not.toHaveProperty('nudges');
  });
});
