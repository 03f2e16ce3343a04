import type { ArticleLists } from '../ports/article-lists';
import type { SiteBucket } from '../ports/site-bucket';
import type { Article } from '../domain/article';
import { pushScripts } from '../domain/render/push-scripts';
import { renderSubscribePage } from '../domain/render/subscription-pages';
import {
  archivePageCount,
  FEED_SIZE,
  listId,
  listRef,
  parseListId,
  renderArticlePage,
  renderFeeds,
  renderListPage,
  renderMonthSitemap,
  renderNewsSitemap,
  renderNotFoundPage,
  renderRobots,
  renderSitemapIndex,
  renderMovedPage,
  renderWithdrawnPage,
  SECTION_BLOCK_READ,
  shareScript,
  siteSections,
  stylesheet,
  type ListedArticle,
  type PageKey,
  type PagedListKind,
  type RenderedFile,
  type SectionBlock,
  type SiteConfig,
} from '../domain/render';

/** The list reads page rendering needs (the {@link ArticleLists} read side; in-memory in benchmarks). */
export type ListReader = Pick<ArticleLists, 'total' | 'front' | 'archivePage' | 'latest' | 'all' | 'months'>;

/** What {@link renderPages} renders from. */
export interface PageContext {
  readonly lists: ListReader;
  readonly site: SiteConfig;
  /** The articles whose own pages may be rendered, by slug; a slug not here renders the withdrawn notice. */
  readonly articles: ReadonlyMap<string, Article>;
  /** Old slugs of articles whose slug changed, to the new slug: those pages become permanent redirects. */
  readonly moved?: ReadonlyMap<string, string>;
  /** List totals already known (saves a read). */
  readonly totals?: Readonly<Record<string, number>>;
  readonly now: Date;
}

/** The files written with every render, before any page: the stylesheet and script pages link to, robots.txt, the 404 page and the sign-up page. */
export function staticFiles(site: SiteConfig): RenderedFile[] {
  return [stylesheet(), shareScript(), renderRobots(site), renderNotFoundPage(site), renderSubscribePage(site), ...pushScripts()];
}

/**
 * Puts the {@link staticFiles} once per process: the first call writes them,
 * later calls return at once, and a failed write is tried again on the next
 * call. A deployment starts new function instances, so a stylesheet or script
 * with a new hashed name is written before the first page that links it.
 */
export function staticFilesOnce(site: SiteBucket, config: SiteConfig): () => Promise<void> {
  let written: Promise<void> | undefined;
  return () =>
    (written ??= site.write(staticFiles(config)).catch((error: unknown) => {
      written = undefined;
      throw error;
    }));
}

function listName(kind: string, slug: string, items: readonly ListedArticle[]): string {
  for (const item of items) {
    if (kind === 'section' && listRef('section', item.section).slug === slug) return item.section;
    if (kind === 'author' && item.byline && listRef('author', item.byline).slug === slug) return item.byline;
    if (kind === 'tag') {
      const tag = item.tags.find((name) => listRef('tag', name).slug === slug);
      if (tag) return tag;
    }
  }
  return slug;
}

/** The home front page's section blocks: each navigation section's latest entries (one bounded read each). */
async function sectionBlocks(ctx: PageContext): Promise<SectionBlock[]> {
  return Promise.all(
    siteSections(ctx.site).map(async (name) => ({
      name,
      items: await ctx.lists.latest(listId(listRef('section', name)), SECTION_BLOCK_READ),
    })),
  );
}

/** Renders the files of one page key (see `PageKey`); feeds give three files. */
export async function renderPage(key: PageKey, ctx: PageContext): Promise<RenderedFile[]> {
  switch (key.kind) {
    case 'article': {
      const article = ctx.articles.get(key.slug);
      const movedTo = ctx.moved?.get(key.slug);
      if (article?.status === 'published') return [renderArticlePage(article, ctx.site)];
      return [movedTo ? renderMovedPage(key.slug, movedTo, ctx.site) : renderWithdrawnPage(key.slug, ctx.site)];
    }
    case 'feed': {
      const ref = parseListId(key.listId);
      const items = await ctx.lists.latest(key.listId, FEED_SIZE);
      const section = ref.kind === 'section' ? { name: listName('section', ref.slug, items), slug: ref.slug } : undefined;
      return renderFeeds({ section, items }, ctx.site);
    }
    case 'sitemap-index':
      return [renderSitemapIndex(await ctx.lists.months(), ctx.site)];
    case 'news-sitemap':
      return [renderNewsSitemap(await ctx.lists.latest('home', 1000), ctx.now, ctx.site)];
    case 'month-sitemap':
      return [renderMonthSitemap(parseListId(key.listId).slug, await ctx.lists.all(key.listId), ctx.site)];
    case 'list': {
      const { listId, page } = key;
      const ref = parseListId(listId);
      const total = ctx.totals?.[listId] ?? (await ctx.lists.total(listId));
      const items = page === undefined ? await ctx.lists.front(listId, total) : await ctx.lists.archivePage(listId, page);
      const blocks = ref.kind === 'home' && page === undefined ? await sectionBlocks(ctx) : undefined;
      return [
        renderListPage(
          {
            kind: ref.kind as PagedListKind,
            slug: ref.slug,
            name: listName(ref.kind, ref.slug, items),
            items,
            page,
            archivePages: archivePageCount(total),
            blocks,
          },
          ctx.site,
        ),
      ];
    }
  }
}

/** Renders every page key, reading for all of them at once; files in the keys' order. */
export async function renderPages(keys: Iterable<PageKey>, ctx: PageContext): Promise<RenderedFile[]> {
  return (await Promise.all([...keys].map((key) => renderPage(key, ctx)))).flat();
}
