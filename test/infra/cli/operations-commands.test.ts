import { describe, expect, it } from 'vitest';
import type { ArticleHead } from '../../../shared/domain/article';
import type { ArticleQueries } from '../../../shared/ports/article-store';
import { localOperationsTarget } from '../../../infra/cli/operations-target';
import { collectStatus, describeStatus, STUCK_AFTER_MS } from '../../../infra/cli/status-command';
import { buildTimeline, describeTimeline, dropToLive } from '../../../infra/cli/timeline-command';
import { articleHead } from '../../support/article-fixtures';
import { eventually, PIPELINE_WAIT_MS, uploadDraft, testStackPaths } from '../../support/local-stack-client';
import { markdownDraft, uniqueTitle } from '../../e2e/drafts';

const stackPaths = testStackPaths;

describe('newsroom status', () => {
  it('flags a head that has waited in a stage longer than the limit, and not a fresh one', async () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
    const heads: ArticleHead[] = [
      articleHead('old', { slug: 'old-story', stage: 'render', updatedAt: ago(STUCK_AFTER_MS + 1000) }),
      articleHead('new', { slug: 'new-story', stage: 'notify', updatedAt: ago(1000) }),
    ];
    const table: ArticleQueries = { listUnfinished: async () => heads, listPublished: async () => [], headBySlug: async () => undefined };
    const report = await collectStatus({ table, queues: async () => ({ queues: [], deadLetters: [], notes: [] }), clock: () => now });
    expect(report.inFlight.map(({ slug, stuck }) => [slug, stuck])).toEqual([
      ['old-story', true],
      ['new-story', false],
    ]);
    expect(describeStatus(report)).toMatch(/old-story: render since .* STUCK/);
  });

  it('reads the local stack: dead-letter folders and the last publish from the table', async () => {
    const title = uniqueTitle('Status check');
    await uploadDraft(`status-${Date.now()}.md`, markdownDraft({ title, section: 'World' }));
    const target = await localOperationsTarget(stackPaths());
    const report = await eventually(async () => {
      const seen = await collectStatus(target);
      return seen.lastPublish ? seen : undefined;
    });
    expect(report.deadLetters.map((d) => d.name)).toEqual(['IntakeDeadLetter', 'StreamFailures']);
    expect(Date.parse(report.lastPublish!.publishedAt)).not.toBeNaN();
  });
});

describe('newsroom timeline', () => {
  it('orders saves, ingests and each version’s steps by time, and measures drop-to-live from the last save', () => {
    const head = { id: 'a1', draftKey: 'drafts/a.md' };
    const entries = buildTimeline(head, [
      { milestone: 'rendered', at: '2026-12-01T10:00:01.200Z', articles: 'zz@1,a1@1' },
      { milestone: 'ingested', at: '2026-12-01T10:00:00.300Z', draftKey: 'drafts/a.md', savedAt: '2026-12-01T10:00:00.000Z', outcome: 'published' },
      { milestone: 'ingested', at: '2026-12-01T10:00:00.400Z', draftKey: 'drafts/other.md', outcome: 'published' },
      { milestone: 'alerted', at: '2026-12-01T10:00:01.500Z', articles: 'a1@1' },
    ]);
    const steps = entries.map((e) => e.step);
    expect(steps.slice(0, 3)).toEqual(['saved', 'ingested', 'rendered']);
    expect(steps).toContain('alerted');
    // A later story on the shared stack may join its related links and render it again, invalidating the now cached
    // page; the first render, of a path never cached, invalidates nothing.
    expect(steps.filter((step) => step === 'invalidated').length).toBeLessThan(steps.filter((step) => step === 'rendered').length);
    expect(dropToLive(entries)).toEqual([1200]);
  });

  // A first publication names a path the CDN never cached, so it costs no invalidation (see invalidationPaths).
  it('shows a new story saved, ingested, rendered and alerted on the local stack, with no invalidation', async () => {
    const slug = `timeline-${Date.now().toString(36)}`;
    await uploadDraft(`${slug}.md`, markdownDraft({ title: uniqueTitle('Timeline check'), section: 'Science', slug }));
    const target = await localOperationsTarget(stackPaths());
    const entries = await eventually(
      async () => {
        const head = await target.table.headBySlug(slug);
        if (!head) return undefined;
        const built = buildTimeline(head, await target.milestones([head.id, head.draftKey]));
        return built.some((e) => e.step === 'alerted') ? built : undefined;
      },
      PIPELINE_WAIT_MS,
      'the alert milestone',
    );
    const steps = entries.map((e) => e.step);
    expect(steps.slice(0, 3)).toEqual(['saved', 'ingested', 'rendered']);
    expect(steps).toContain('alerted');
    // A later story on the shared stack may join its related links and render it again, invalidating the now cached
    // page; the first render, of a path never cached, invalidates nothing.
    expect(steps.filter((step) => step === 'invalidated').length).toBeLessThan(steps.filter((step) => step === 'rendered').length);
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort());
    expect(describeTimeline(slug, entries)).toMatch(/drop-to-live: \d+ ms/);
  });
});
