import { describe, expect, it } from 'vitest';
import { createMemoryRelatedIndex } from '../../../bench/related/memory-index';
import { countIndexRequests } from '../../../bench/related/request-count';
import { corpusHead } from '../../../bench/related/simulate';
import { DEFAULT_RELATED_PARAMETERS as DEFAULTS } from '../../../shared/domain/related';
import { findRelated, publishRelated } from '../../../shared/use-cases/related-articles';
import { settleRelated } from '../../../shared/use-cases/settle-related';
import { relatedListStore } from '../../support/related-list-store';

/** A story made of words no other story uses, so it has no close match. */
const loner = (n: number, section = 'Markets') =>
  corpusHead({ key: `${section}/${n}`, section, title: `Qv${n}zel`, body: `Qv${n}zel wumbo${n}x plarn${n}q.`, sentences: [] }, n, section);

/** A story sharing its words with every other twin, so twins are each other's close matches. */
const twin = (n: number) =>
  corpusHead(
    {
      key: `Twins/${n}`,
      section: 'Markets',
      title: `Brelvo quantile ${n}`,
      body: 'Brelvo quantile sprockets rallied. Brelvo quantile traders cheered.',
      sentences: [],
    },
    n,
    'Markets',
  );

describe('related links through the use cases (in-memory index)', () => {
  /**
   * Publishes an older twin over three lone stories, then a newer twin through an index where a concurrent publish
   * rewrites the older story's list between this publish's read and its write (fault injection); counts the use
   * case's reads of current lists.
   */
  async function publishRacingTwins(first: number) {
    const index = createMemoryRelatedIndex();
    const store = relatedListStore();
    const publish = async (head: ReturnType<typeof twin>, deps = { index, store }) => {
      const plan = await findRelated(index, head);
      store.lists.set(head.id, plan.links);
      await publishRelated(deps, { ...head, related: plan.links }, plan);
    };
    const [older, newer] = [twin(first), twin(first + 1)];
    // Its section's other stories fill the older story's list, so it is not short and no refresh revisits it.
    for (const n of [first - 10, first - 9, first - 8]) await publish(loner(n));
    await publish(older);
    const olderListed = store.lists.get(older.id)?.length ?? 0;
    let raced = false;
    let reads = 0;
    const racing = {
      ...index,
      async currentRelated(ids: readonly string[]) {
        reads++;
        return index.currentRelated(ids);
      },
      async setRelated(ref: Parameters<typeof index.setRelated>[0], related: Parameters<typeof index.setRelated>[1], short: boolean) {
        if (!raced && ref.id === older.id) {
          raced = true;
          const [current] = (await index.currentRelated([older.id])).values();
          await index.setRelated(current!, current!.related, short);
        }
        return index.setRelated(ref, related, short);
      },
    };
    await publish(newer, { index: racing, store });
    return { raced, reads, olderListed, olderFirst: store.lists.get(older.id)?.[0]?.slug, newer };
  }

  it("adds a new story to an older one's list even when another publish changed that list first", async () => {
    const { raced, olderListed, olderFirst, newer } = await publishRacingTwins(11);
    expect(olderListed).toBeGreaterThanOrEqual(3);
    expect(raced).toBe(true);
    expect(olderFirst).toBe(newer.slug);
  });

  it('plans a refused neighbour list again over the list its refusal showed, without reading it again', async () => {
    const { raced, reads, olderFirst, newer } = await publishRacingTwins(21);
    expect(raced).toBe(true);
    expect(olderFirst).toBe(newer.slug);
    // The candidates' lists, read once; the refused write answered the list as it had become.
    expect(reads).toBe(1);
  });

  it('fills a story with no close match from its section and catches older short lists up on later publishes', async () => {
    const index = createMemoryRelatedIndex();
    const store = relatedListStore();
    const heads = [1, 2, 3, 4, 5].map((n) => loner(n));
    for (const head of heads) {
      const plan = await findRelated(index, head);
      store.lists.set(head.id, plan.links);
      await publishRelated({ index, store }, { ...head, related: plan.links }, plan);
    }
    for (const head of heads) {
      const links = store.lists.get(head.id) ?? [];
      expect(links.length).toBeGreaterThanOrEqual(3);
      expect(links.every((link) => link.fill && link.section === 'Markets' && link.slug !== head.slug)).toBe(true);
    }
    expect(await index.shortLists(undefined, 10)).toEqual([]);
  });

  it('links two close matches of a burst both ways even when each looked before the other was indexed', async () => {
    const index = createMemoryRelatedIndex();
    const store = relatedListStore();
    // Enough section stories that neither twin's list is short: no refresh or settle pass would revisit it.
    for (const n of [1, 2, 3]) {
      const head = loner(n);
      const plan = await findRelated(index, head);
      await publishRelated({ index, store }, { ...head, related: plan.links }, plan);
    }
    // Published a minute apart, as the stories of a burst are.
    const first = twin(21);
    const second = { ...twin(22), publishedAt: new Date(Date.parse(first.publishedAt) + 60_000).toISOString() };
    const plans = await Promise.all([first, second].map((head) => findRelated(index, head)));
    // Each looked before the other was indexed: neither plan links the other, and neither list is short.
    expect(plans.map((plan) => plan.links.length >= 3)).toEqual([true, true]);
    expect(plans[0]!.links.map((link) => link.slug)).not.toContain(second.slug);
    expect(plans[1]!.links.map((link) => link.slug)).not.toContain(first.slug);
    for (const [i, head] of [first, second].entries()) await publishRelated({ index, store }, { ...head, related: plans[i]!.links }, plans[i]!);
    expect(store.lists.get(first.id)?.[0]?.slug).toBe(second.slug);
    expect(store.lists.get(second.id)?.[0]?.slug).toBe(first.slug);
  });

  it('leaves a burst that looked before anything was indexed to the settle pass, which refreshes only the short lists', async () => {
    const { index, counts } = countIndexRequests(createMemoryRelatedIndex());
    const store = relatedListStore();
    const heads = [1, 2, 3, 4, 5, 6].map((n) => loner(n, 'Burst'));
    const plans = await Promise.all(heads.map((head) => findRelated(index, head, { ...DEFAULTS, refreshPerPublish: 0 })));
    for (const [i, head] of heads.entries()) {
      await publishRelated({ index, store }, { ...head, related: plans[i]!.links }, plans[i]!, { ...DEFAULTS, refreshPerPublish: 0 });
    }
    expect(counts.indexItemsWritten / heads.length).toBeLessThanOrEqual(10);
    expect(await index.shortLists('Burst', 10)).toHaveLength(6);

    const report = await settleRelated({ index, store });
    expect(report.examined).toBe(6);
    for (const head of heads) expect(store.lists.get(head.id)?.length).toBeGreaterThanOrEqual(3);
    expect(await settleRelated({ index, store })).toEqual({ examined: 0, refreshed: [] });
  });

  it('does not starve a section whose short lists sort last behind lists that can never grow', async () => {
    const index = createMemoryRelatedIndex();
    const store = relatedListStore();
    const noRefresh = { ...DEFAULTS, refreshPerPublish: 0 };
    // Three one-story sections that sort before "Arts" in the index's key order: their lists can never fill.
    const heads = [...[1, 2, 3, 4].map((n) => loner(n, 'Arts')), ...[5, 6, 7].map((n) => loner(n, `Zoo ${n}`))];
    const plans = await Promise.all(heads.map((head) => findRelated(index, head, noRefresh)));
    for (const [i, head] of heads.entries()) await publishRelated({ index, store }, { ...head, related: plans[i]!.links }, plans[i]!, noRefresh);
    expect((await index.shortLists(undefined, 3)).map((short) => short.article.section)).not.toContain('Arts');

    const report = await settleRelated({ index, store }, { limit: 3 });
    expect(report.refreshed).toHaveLength(3);
    expect(await index.shortLists('Arts', 10)).toHaveLength(1);
  });
});
