import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/domain/lifecycle';
import type { ArticleStore } from '../../../shared/ports/article-store';
import type { SiteBucket } from '../../../shared/ports/site-bucket';
import type { RenderedFile } from '../../../shared/domain/render';
import { staticFilesOnce } from '../../../shared/use-cases/render-pages';
import { renderSiteBatch, type RenderDependencies } from '../../../shared/use-cases/render-site';
import { articleHead } from '../../support/article-fixtures';
import { memoryRenderDependencies } from '../../support/in-memory/render-dependencies';

let store: ArticleStore;
let deps: RenderDependencies;
const written: RenderedFile[] = [];
const invalidations: (readonly string[])[] = [];

beforeAll(() => {
  const site: SiteBucket = { write: async (files) => void written.push(...files) };
  const built = memoryRenderDependencies(
    site,
    { baseUrl: 'https://news.example', publication: 'The Test Times' },
    {
      invalidate: async (paths: readonly string[]) => void invalidations.push(paths),
    },
  );
  deps = built;
  store = built.store;
});

describe('renderSiteBatch', () => {
  it('renders the pages a whole batch changes once, with one invalidation, and moves every article on', async () => {
    await store.saveVersion(articleHead('r1', { slug: 'first-story', title: 'First story' }), 0);
    await store.saveVersion(articleHead('r2', { slug: 'second-story', title: 'Second story', alertDue: false }), 0);
    const report = await renderSiteBatch(deps, [
      { id: 'r1', version: 1 },
      { id: 'r2', version: 1 },
      { id: 'r1', version: 1 },
    ]);
    expect(report.outcome).toBe('rendered');
    const keys = written.map((file) => file.key);
    expect(keys.filter((key) => key === 'index.html')).toHaveLength(1);
    expect(keys).toEqual(expect.arrayContaining(['articles/first-story/index.html', 'articles/second-story/index.html']));
    const home = written.find((file) => file.key === 'index.html')?.body ?? '';
    expect(home).toContain('First story');
    expect(home).toContain('Second story');
    expect(invalidations).toHaveLength(1);
    expect((await store.getHead('r1'))?.stage).toBe(STAGES.notify);
    expect((await store.getHead('r2'))?.stage).toBe(STAGES.done);
  });

  it('puts the static files before the first batch of pages and not again on later batches', async () => {
    const keys = () => written.map((file) => file.key);
    expect(keys().indexOf('robots.txt')).toBeGreaterThanOrEqual(0);
    expect(keys().indexOf('robots.txt')).toBeLessThan(keys().indexOf('index.html'));
    await store.saveVersion(articleHead('r3', { slug: 'third-story', title: 'Third story', alertDue: false }), 0);
    expect((await renderSiteBatch(deps, [{ id: 'r3', version: 1 }])).outcome).toBe('rendered');
    expect(keys()).toContain('articles/third-story/index.html');
    expect(keys().filter((key) => key === 'robots.txt')).toHaveLength(1);
  });

  it('measures drop-to-live from the save, or from the publish time of a scheduled version, and not again on a re-render', async () => {
    const clock = () => new Date('2026-12-01T10:00:02.000Z');
    const timed = { ...deps, clock };
    await store.saveVersion(
      articleHead('d1', { slug: 'timed-story', savedAt: '2026-12-01T10:00:00.500Z', publishedAt: '2026-12-01T10:00:00.900Z' }),
      0,
    );
    await store.saveVersion(
      articleHead('d2', { slug: 'was-scheduled', savedAt: '2026-11-30T08:00:00.000Z', publishedAt: '2026-12-01T10:00:01.000Z' }),
      0,
    );
    await store.saveVersion(articleHead('d3', { slug: 'no-save-time' }), 0);
    expect(
      (
        await renderSiteBatch(timed, [
          { id: 'd1', version: 1 },
          { id: 'd2', version: 1 },
          { id: 'd3', version: 1 },
        ])
      ).dropToLiveMs,
    ).toEqual([1100, 1000]);
    // A newer article joins d1's related links: its pages are written again, but it went live earlier.
    await store.transition(
      { id: 'd1', version: 1 },
      { type: 'relatedChanged', related: [{ slug: 'was-scheduled', title: 'Later', section: 'World' }], revision: 1 },
    );
    const again = await renderSiteBatch(timed, [{ id: 'd1', version: 1 }]);
    expect(again).toMatchObject({ outcome: 'rendered', dropToLiveMs: [] });
  });

  it('marks a head rendered at the related list its page was written again with when that list changed during the render', async () => {
    await store.saveVersion(articleHead('m1', { slug: 'moving-list', title: 'Moving list', alertDue: true }), 0);
    const newer = [{ slug: 'first-story', title: 'A newer close match', section: 'World' }];
    let reads = 0;
    // Fault injection: a newer article joins its related links between the batch's first read and the page check.
    const racing: RenderDependencies = {
      ...deps,
      store: {
        ...deps.store,
        async getHeads(ids) {
          reads++;
          if (reads === 2) await store.transition({ id: 'm1', version: 1 }, { type: 'relatedChanged', related: newer, revision: 1 });
          return deps.store.getHeads(ids);
        },
      },
    };
    expect((await renderSiteBatch(racing, [{ id: 'm1', version: 1 }])).outcome).toBe('rendered');
    const page = written.filter((file) => file.key === 'articles/moving-list/index.html').at(-1)?.body ?? '';
    expect(page).toContain('A newer close match');
    // On to the alert: the relatedChanged record finds nothing left to render.
    expect(await store.getHead('m1')).toMatchObject({ stage: STAGES.notify, relatedRev: 1 });
    expect((await renderSiteBatch(deps, [{ id: 'm1', version: 1 }])).outcome).toBe('stale');
  });

  it('skips a batch whose versions are no longer current', async () => {
    const before = written.length;
    expect((await renderSiteBatch(deps, [{ id: 'r1', version: 1 }])).outcome).toBe('stale');
    expect(written.length).toBe(before);
  });
});

describe('staticFilesOnce', () => {
  it('tries again after a failed write and then stops writing', async () => {
    const attempts: number[] = [];
    const site: SiteBucket = {
      write: async (files) => {
        attempts.push(files.length);
        if (attempts.length === 1) throw new Error('S3 unavailable');
      },
    };
    const writeStatics = staticFilesOnce(site, { baseUrl: 'https://news.example', publication: 'The Test Times' });
    await expect(writeStatics()).rejects.toThrow('S3 unavailable');
    await writeStatics();
    await writeStatics();
    expect(attempts).toEqual([7, 7]);
  });
});
