import { describe, expect, it } from 'vitest';
import { createMemoryLists } from '../../../bench/site/memory-lists';
import type { ListRevision } from '../../../shared/ports/article-lists';
import type { SiteBucket } from '../../../shared/ports/site-bucket';
import { planWithdrawal } from '../../../shared/domain/publishing/next-version';
import { renderSiteBatch } from '../../../shared/use-cases/render-site';
import { ListsKeptMovingError, MAX_RENDER_ROUNDS, writeCurrentPages } from '../../../shared/use-cases/write-current-pages';
import { articleHead } from '../../support/article-fixtures';
import { memoryRenderDependencies } from '../../support/in-memory/render-dependencies';
import { element, texts } from '../domain/render/html-parts';
import { withContent } from '../../../shared/domain/article-content';

const siteConfig = { baseUrl: 'https://news.example', publication: 'The Test Times', sections: ['World', 'Tech'] };

/** A render pipeline on in-memory ports whose bucket can run something just before a write lands. */
function pipeline() {
  const pages = new Map<string, string>();
  let beforeNextWrite: (() => Promise<void>) | undefined;
  const writes: string[][] = [];
  const site: SiteBucket = {
    write: async (files) => {
      const run = beforeNextWrite;
      beforeNextWrite = undefined;
      await run?.();
      writes.push(files.map((file) => file.key));
      for (const file of files) pages.set(file.key, file.body);
    },
  };
  const deps = memoryRenderDependencies(site, siteConfig);
  const store = deps.store;
  let minute = 0;
  const save = async (id: string) => {
    minute += 1;
    const at = new Date(Date.UTC(2026, 11, 2, 9, minute)).toISOString();
    await store.saveVersion(
      articleHead(id, { title: `Story ${id}`, section: 'World', slug: id, publishedAt: at, updatedAt: at, alertDue: false }),
      0,
    );
  };
  return {
    deps,
    pages,
    writes,
    save,
    render: (id: string) => renderSiteBatch(deps, [{ id, version: 1 }]),
    /** Withdraws a story saved once (its version 2) and renders the withdrawal. */
    withdrawAndRender: async (id: string) => {
      const head = await store.getHead(id);
      const withdrawn = head && planWithdrawal(head, new Date().toISOString());
      if (!withdrawn) throw new Error(`${id} cannot be withdrawn`);
      await store.saveVersion(withContent(withdrawn, await store.getContents([head])), 1);
      expect((await renderSiteBatch(deps, [{ id, version: 2 }])).outcome).toBe('rendered');
    },
    /** Runs `work` after the next batch has rendered its pages and before its write lands. */
    interleave: (work: () => Promise<void>) => {
      beforeNextWrite = work;
    },
  };
}

const headlines = (html: string) => texts(element(html, /<main/), 'h2');

describe('two renders at once', () => {
  it('leave the home page with both stories when the older render writes last', async () => {
    const site = pipeline();
    await site.save('first');
    await site.render('first');
    await site.save('late');
    await site.save('early');
    // `late` is rendered after `early` read the lists and before its pages land, so `early` writes last.
    site.interleave(async () => {
      expect((await site.render('early')).outcome).toBe('rendered');
    });
    expect((await site.render('late')).outcome).toBe('rendered');
    expect(headlines(site.pages.get('index.html') ?? '')).toEqual(expect.arrayContaining(['Story late', 'Story early', 'Story first']));
    expect(headlines(site.pages.get('sections/world/index.html') ?? '')).toEqual(expect.arrayContaining(['Story late', 'Story early']));
  });

  it('leave a story withdrawn when a re-render that read it before the withdrawal writes last', async () => {
    const site = pipeline();
    await site.save('pulled');
    await site.render('pulled');
    // A newer story joins its related links: the head goes back to render for a re-render of the same version.
    const listed = await site.deps.store.getHead('pulled');
    expect(listed && (await site.deps.store.transition(listed, { type: 'relatedChanged', related: [], revision: 1 }))).toBeTruthy();
    site.interleave(() => site.withdrawAndRender('pulled'));
    await site.render('pulled');
    expect(site.pages.get('articles/pulled/index.html')).toContain('<h1>Article withdrawn</h1>');
    expect(site.pages.get('index.html')).not.toContain('Story pulled');
  });

  it("leave a story off the lists when its first render read it just before its withdrawal's render ran", async () => {
    const site = pipeline();
    await site.save('first');
    await site.render('first');
    await site.save('doomed');
    // Withdrawn and rendered withdrawn while its first render writes its page, before that render lists it.
    site.interleave(() => site.withdrawAndRender('doomed'));
    await site.render('doomed');
    expect(site.pages.get('articles/doomed/index.html')).toContain('<h1>Article withdrawn</h1>');
    expect(headlines(site.pages.get('index.html') ?? '')).toEqual(['Story first']);
    expect(await site.deps.lists.getListing('doomed')).toBeUndefined();
  });

  it('write each page once when nothing moves under them, the article page first', async () => {
    const site = pipeline();
    await site.save('alone');
    await site.render('alone');
    const [, own, listed, ...more] = site.writes;
    expect(own).toEqual(['articles/alone/index.html']);
    expect(listed).toContain('index.html');
    expect(more).toEqual([]);
  });
});

describe('writeCurrentPages', () => {
  it(`fails the batch, to be retried, when the lists move under its pages for ${MAX_RENDER_ROUNDS} rounds`, async () => {
    const lists = createMemoryLists();
    let revision = 0;
    const moving = {
      ...lists,
      revisions: async (ids: readonly string[]) => new Map<string, ListRevision>(ids.map((id) => [id, { revision: revision++, total: 0 }])),
    };
    const written: string[] = [];
    const site = { write: async (files: readonly { key: string }[]) => void written.push(...files.map((file) => file.key)) };
    await expect(
      writeCurrentPages({ lists: moving, site }, [{ kind: 'list', listId: 'home' }], { site: siteConfig, articles: new Map(), now: new Date() }),
    ).rejects.toBeInstanceOf(ListsKeptMovingError);
    expect(written).toEqual(Array(MAX_RENDER_ROUNDS).fill('index.html'));
  });
});
