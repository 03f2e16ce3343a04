import type { ArticleLists } from '../adapters/article-lists';
import type { SiteBucket } from '../adapters/site-bucket';
import type { Article } from '../domain/article';
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

/** The files written with every render, before any page: the stylesheet and script pages link to, robots.txt and the 404 page. */
export function staticFiles(site: SiteConfig): RenderedFile[] {
  return [stylesheet(), shareScript(), renderRobots(site), renderNotFoundPage(site)];
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
  const colon = key.indexOf(':');
  const type = key.slice(0, colon);
  const rest = key.slice(colon + 1);
  if (type === 'article') {
    const article = ctx.articles.get(rest);
    const movedTo = ctx.moved?.get(rest);
    if (article?.status === 'published') return [renderArticlePage(article, ctx.site)];
    return [movedTo ? renderMovedPage(rest, movedTo, ctx.site) : renderWithdrawnPage(rest, ctx.site)];
  }
  if (type === 'feed') {
    const ref = parseListId(rest);
    const items = await ctx.lists.latest(rest, FEED_SIZE);
    const section = ref.kind === 'section' ? { name: listName('section', ref.slug, items), slug: ref.slug } : undefined;
    return renderFeeds({ section, items }, ctx.site);
  }
  if (type === 'sitemap') {
    if (rest === 'index') return [renderSitemapIndex(await ctx.lists.months(), ctx.site)];
    if (rest === 'news') return [renderNewsSitemap(await ctx.lists.latest('home', 1000), ctx.now, ctx.site)];
    return [renderMonthSitemap(parseListId(rest).slug, await ctx.lists.all(rest), ctx.site)];
  }
  const [id = '', , page] = rest.split(':');
  const ref = parseListId(id);
  const total = ctx.totals?.[id] ?? (await ctx.lists.total(id));
  const items = page === undefined ? await ctx.lists.front(id, total) : await ctx.lists.archivePage(id, Number(page));
  const blocks = ref.kind === 'home' && page === undefined ? await sectionBlocks(ctx) : undefined;
  return [
    renderListPage(
      {
        kind: ref.kind as PagedListKind,
        slug: ref.slug,
        name: listName(ref.kind, ref.slug, items),
        items,
        page: page === undefined ? undefined : Number(page),
        archivePages: archivePageCount(total),
        blocks,
      },
      ctx.site,
    ),
  ];
}

/** Renders every page key, in order. */
export async function renderPages(keys: Iterable<PageKey>, ctx: PageContext): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const key of keys) files.push(...(await renderPage(key, ctx)));
  return files;
}
