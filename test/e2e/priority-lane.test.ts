import { describe, expect, it } from 'vitest';
import { LOCAL_ALERT_QUEUE_ARN } from '../../infra/local/subscriber-runtime';
import { articlePath } from '../../shared/domain/article';
import { corpusBodies } from '../support/corpus';
import { eventually, fetchPage, readOutbox, uploadDraft } from '../support/local-stack-client';
import { markdownDraft } from './drafts';

/** Drafts in the burst: enough that, without lanes of its own, a breaking draft dropped behind them waits many seconds. */
const BURST = 40;
/** How long to wait for a page or an alert before giving up. */
const GIVE_UP_MS = 120_000;

const isLive = async (slug: string) => (await fetchPage(encodeURI(articlePath(slug)))).status === 200;

describe('the priority lane', () => {
  // The 2 s bound (BREAKING_LIVE_WITHIN_MS) is a timing goal: `npm run bench -- pipeline` measures it side by side, on a quiet
  // machine. Here the order is checked, which no load can excuse: the breaking story overtakes the burst's queue.
  it('puts a breaking draft dropped into a running burst live ahead of the burst, and alerts it', async () => {
    const run = Date.now().toString(36);
    const bodies = corpusBodies();
    const sample = (i: number) => bodies[i % bodies.length]?.[1] ?? 'The council met on Tuesday. It approved the plan. Residents were pleased.';
    const burstSlugs = Array.from({ length: BURST }, (_, i) => `burst-${run}-${i}`);
    await Promise.all(
      burstSlugs.map((slug, i) =>
        uploadDraft(`burst-${run}/${i}.md`, markdownDraft({ title: `Burst ${run} story ${i}`, slug, section: 'Business' }, sample(i))),
      ),
    );

    const breakingTitle = `Harbour bridge closed ${run}`;
    const breakingSlug = `breaking-${run}`;
    const droppedAt = Date.now();
    await uploadDraft(`breaking-${run}.md`, markdownDraft({ title: breakingTitle, slug: breakingSlug, section: 'World', breaking: true }, sample(7)));

    await eventually(async () => ((await isLive(breakingSlug)) ? true : undefined), GIVE_UP_MS, 'the breaking page');
    // Taken the moment the breaking page is live: how much of the burst it overtook.
    const notYetLive = (await Promise.all(burstSlugs.map(async (slug) => ((await isLive(slug)) ? undefined : slug)))).filter(Boolean);
    const alerted = await eventually(
      async () => (await readOutbox()).find((d) => d.endpoint === LOCAL_ALERT_QUEUE_ARN && d.subject === `Breaking: ${breakingTitle}`),
      GIVE_UP_MS,
      'the breaking alert',
    );

    expect(Date.parse(alerted.timestamp)).toBeGreaterThanOrEqual(droppedAt);
    // Live before the burst's last article: it overtook the queue.
    expect(notYetLive.length).toBeGreaterThan(0);
    await eventually(async () => ((await Promise.all(burstSlugs.map(isLive))).every(Boolean) ? true : undefined), 240_000, 'the whole burst');
  }, 300_000);
});
