import { describe, expect, it } from 'vitest';
import { createMemoryLists } from '../../../bench/site/memory-lists';
import type { ArticleHeadWithContent } from '../../../shared/domain/article';
import { listedArticle, type RenderedFile } from '../../../shared/domain/render';
import { renderPage } from '../../../shared/use-cases/render-pages';
import { rebuildSite } from '../../../shared/use-cases/rebuild-site';
import { articleHead } from '../../support/article-fixtures';
import { element, texts } from '../domain/render/html-parts';
import { createMemoryArchiveReader } from '../../../shared/adapters/memory-archive-reader';

const SITE = { baseUrl: 'https://news.example', publication: 'The Test Times', sections: ['World'] };
const NOW = new Date('2026-12-02T12:00:00.000Z');
const story = (id: string, minute: number): ArticleHeadWithContent => {
  const at = new Date(Date.UTC(2026, 11, 2, 9, minute)).toISOString();
  return articleHead(id, { title: `Story ${id}`, section: 'World', slug: id, publishedAt: at, updatedAt: at, stage: 'done', alertDue: false });
};

/** A rebuild of `published` onto `lists` during which `live` (a change, live path and all) lands between the rebuild's plan and its listing writes. */
async function rebuildWhileListing(
  lists: ReturnType<typeof createMemoryLists>,
  published: () => ArticleHeadWithContent[],
  live: () => Promise<void>,
) {
  const pages = new Map<string, string>();
  const summary = await rebuildSite({
    archive: createMemoryArchiveReader(published),
    lists: {
      ...lists,
      writeListings: async (changes, onProgress) => {
        await live();
        await lists.writeListings(changes, onProgress);
      },
    },
    live: lists,
    site: {
      write: async (files) => {
        for (const file of files) pages.set(file.key, file.body);
      },
    },
    cdn: { invalidate: async () => undefined },
    siteConfig: SITE,
    clock: () => NOW,
  });
  return { pages, summary };
}

describe('a rebuild beside live publishing', () => {
  it('leaves a story withdrawn while it ran withdrawn, and lists one published meanwhile', async () => {
    const lists = createMemoryLists();
    let published = [story('kept', 1), story('pulled', 2)];
    for (const head of published) await lists.updateListing(head.id, listedArticle(head), undefined);
    const pages = new Map<string, string>();
    const put = (files: readonly RenderedFile[]) => {
      for (const file of files) pages.set(file.key, file.body);
    };
    // The live pipeline, just before the rebuild's first pages land: one story withdrawn, one published, each rendered.
    let live: (() => Promise<void>) | undefined = async () => {
      const pulled = published.find((head) => head.id === 'pulled');
      const fresh = story('fresh', 3);
      published = [...published.filter((head) => head.id !== 'pulled'), fresh];
      await lists.updateListing('pulled', undefined, await lists.getListing('pulled'));
      await lists.updateListing('fresh', listedArticle(fresh), undefined);
      const ctx = { lists, site: SITE, articles: new Map(published.map((head) => [head.slug, head])), now: NOW };
      for (const key of [
        { kind: 'article', slug: pulled?.slug ?? '' },
        { kind: 'article', slug: 'fresh' },
        { kind: 'list', listId: 'home' },
      ] as const)
        put(await renderPage(key, ctx));
    };
    const summary = await rebuildSite({
      archive: createMemoryArchiveReader(() => published),
      lists,
      live: lists,
      site: {
        write: async (files) => {
          if (files.some((file) => file.key.startsWith('articles/')) && live) {
            const run = live;
            live = undefined;
            await run();
          }
          put(files);
        },
      },
      cdn: { invalidate: async () => undefined },
      siteConfig: SITE,
      clock: () => NOW,
    });

    expect(pages.get('articles/pulled/index.html')).toContain('<h1>Article withdrawn</h1>');
    expect(texts(element(pages.get('index.html') ?? '', /<main/), 'h2')).toEqual(expect.arrayContaining(['Story fresh', 'Story kept']));
    expect(pages.get('index.html')).not.toContain('Story pulled');
    expect(summary.caughtUp).toBe(2);
  });

  it('unlists a story withdrawn after it was planned whose listing the rebuild then wrote', async () => {
    const lists = createMemoryLists();
    // Published but never listed (an import's articles): the rebuild plans and writes their listings.
    let published = [story('kept', 1), story('pulled', 2)];
    const { pages, summary } = await rebuildWhileListing(
      lists,
      () => published,
      async () => {
        published = published.filter((head) => head.id !== 'pulled');
        await lists.updateListing('pulled', undefined, await lists.getListing('pulled'));
      },
    );

    expect(await lists.getListing('pulled')).toBeUndefined();
    expect((await lists.all('home')).map((entry) => entry.id)).toEqual(['kept']);
    expect((await lists.all('section/world')).map((entry) => entry.id)).toEqual(['kept']);
    expect(pages.get('articles/pulled/index.html')).toContain('<h1>Article withdrawn</h1>');
    expect(pages.get('index.html')).not.toContain('Story pulled');
    expect(summary.caughtUp).toBe(1);
  });

  it('lists a story edited after it was planned as it is now, not as the rebuild read it', async () => {
    const lists = createMemoryLists();
    let published = [story('kept', 1), story('edited', 2)];
    // A site already listed, whose listings the rebuild rewrites (here one written before a change of what a listing
    // holds): the plan keeps each story's ordinals.
    for (const head of published) await lists.updateListing(head.id, { ...listedArticle(head), takeaways: ['As first listed.'] }, undefined);
    const { pages, summary } = await rebuildWhileListing(
      lists,
      () => published,
      async () => {
        const corrected = { ...story('edited', 2), version: 2, title: 'Story edited, corrected' };
        published = [story('kept', 1), corrected];
        await lists.updateListing('edited', listedArticle(corrected), await lists.getListing('edited'));
      },
    );

    expect((await lists.getListing('edited'))?.article.title).toBe('Story edited, corrected');
    expect((await lists.all('home')).map((entry) => entry.title)).toEqual(['Story edited, corrected', 'Story kept']);
    expect(pages.get('index.html')).toContain('Story edited, corrected');
    expect(summary.caughtUp).toBe(1);
  });
});
