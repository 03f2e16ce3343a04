import type { ArticleSummary } from '../article';
import { escapeHtml } from './escape-html';
import { breakingBadge, renderFrontBody, type SectionBlock } from './front-page';
import { languageAttributes } from './language';
import { renderDocument, type FeedLink } from './layout';
import { htmlFile, LIST_CACHE_CONTROL, type RenderedFile, type SiteConfig } from './site-config';
import { websiteSocialMeta } from './social-meta';
import { renderTime } from './time';
import { articleHref, encodePath, listKey, listPath, type PagedListKind } from './urls';
import { renderCache } from './render-caches';

/** Text shown on a list page with no articles. */
export const NO_ARTICLES_TEXT = 'No articles published yet';

/** One page of a list: the front page (no `page`) or archive page `page`, numbered from the oldest. */
export interface ListPage {
  readonly kind: PagedListKind;
  /** URL name; empty for home. */
  readonly slug: string;
  /** Display name of the section, tag or author; ignored for home. */
  readonly name: string;
  /** Entries in the order shown (newest first). */
  readonly items: readonly ArticleSummary[];
  /** Archive page number; absent for the front page. */
  readonly page?: number;
  /** How many archive pages the list has now (the front page links to the newest of them). */
  readonly archivePages: number;
  /** The home front page's section blocks; ignored elsewhere. */
  readonly blocks?: readonly SectionBlock[];
}

const HEADINGS: Readonly<Record<PagedListKind, string>> = {
  home: 'Latest articles',
  section: 'Section',
  tag: 'Tag',
  author: 'Articles by',
};

type ItemFields = Pick<ArticleSummary, 'slug' | 'title' | 'dek' | 'section' | 'byline' | 'publishedAt' | 'language' | 'breaking'>;

// An article's entry is the same on every list it is in (home, section, tags, byline, each rebuild): render it once, by id.
const renderedItems = renderCache<string, ItemFields & { readonly html: string }>();

function sameItem(a: ItemFields, b: ItemFields): boolean {
  return (
    a.slug === b.slug &&
    a.title === b.title &&
    a.dek === b.dek &&
    a.section === b.section &&
    a.byline === b.byline &&
    a.publishedAt === b.publishedAt &&
    a.language === b.language &&
    a.breaking === b.breaking
  );
}

function renderItem(item: ArticleSummary): string {
  const known = renderedItems.get(item.id);
  if (known && sameItem(known, item)) return known.html;
  const html = `<li><article${languageAttributes(item.language)}>
<p class="kicker">${breakingBadge(item.breaking)}${escapeHtml(item.section)}</p>
<h2><a href="${escapeHtml(articleHref(item.slug))}">${escapeHtml(item.title)}</a></h2>
${item.dek ? `<p class="dek">${escapeHtml(item.dek)}</p>\n` : ''}<p class="meta">${item.byline ? `${escapeHtml(item.byline)} · ` : ''}${renderTime(item.publishedAt, item.language)}</p>
</article></li>`;
  if (renderedItems.size >= 50_000) renderedItems.clear();
  const { slug, title, dek, section, byline, publishedAt, language, breaking } = item;
  renderedItems.set(item.id, { slug, title, dek, section, byline, publishedAt, language, breaking, html });
  return html;
}

function heading(list: ListPage): string {
  if (list.kind === 'home') return list.page === undefined ? HEADINGS.home : `${HEADINGS.home}, archive page ${list.page}`;
  const base = list.kind === 'author' ? `${HEADINGS.author} ${list.name}` : list.name;
  return list.page === undefined ? base : `${base}, archive page ${list.page}`;
}

function pager(list: ListPage): string {
  const href = (page?: number) => escapeHtml(encodePath(listPath(list.kind, list.slug, page)));
  const links: string[] = [];
  if (list.page !== undefined) {
    const newer = list.page + 1 <= list.archivePages ? list.page + 1 : undefined;
    links.push(`<li><a href="${href(newer)}" rel="prev">Newer articles</a></li>`);
  }
  const older = list.page === undefined ? list.archivePages : list.page - 1;
  if (older >= 1) links.push(`<li><a href="${href(older)}" rel="next">Older articles</a></li>`);
  return links.length === 0 ? '' : `<nav class="pager" aria-label="Pages">\n<ul>${links.join('')}</ul>\n</nav>`;
}

/**
 * Renders a page of the home, section, tag or author list (key from
 * {@link listKey}): its heading, the entries as given (newest first; on the
 * home and section front pages laid out by {@link renderFrontBody}), links
 * to newer and older pages, its feeds (sections have their own), canonical
 * URL and Open Graph tags. {@link NO_ARTICLES_TEXT} when empty.
 */
export function renderListPage(list: ListPage, site: SiteConfig): RenderedFile {
  const title = heading(list);
  const front = list.page === undefined && (list.kind === 'home' || list.kind === 'section');
  let items = `<p class="empty">${NO_ARTICLES_TEXT}</p>`;
  if (list.items.length > 0 && front) {
    items = renderFrontBody({ items: list.items, blocks: list.kind === 'home' ? list.blocks : undefined }, list.kind === 'home');
  } else if (list.items.length > 0) {
    items = '<ol class="article-list">';
    for (const item of list.items) items += `\n${renderItem(item)}`;
    items += '\n</ol>';
  }
  const label = list.kind === 'tag' ? '<p class="kicker">Tag</p>\n' : list.kind === 'section' ? '<p class="kicker">Section</p>\n' : '';
  // The home front page's heading names the page for screen readers; the masthead already says it visually.
  const h1 = front && list.kind === 'home' ? `<h1 class="visually-hidden">${escapeHtml(title)}</h1>` : `${label}<h1>${escapeHtml(title)}</h1>`;
  const main = `<div class="${front ? 'wrap front' : 'measure'}">
${h1}
${items}
${pager(list)}
</div>`;
  const url = `${site.baseUrl}${encodePath(listPath(list.kind, list.slug, list.page))}`;
  const pageTitle = list.kind === 'home' && list.page === undefined ? site.publication : `${title} | ${site.publication}`;
  const description = list.kind === 'home' ? `The latest articles from ${site.publication}.` : `${title}: articles from ${site.publication}.`;
  const feeds: FeedLink[] = list.kind === 'section' ? [{ title: `${site.publication}: ${list.name}`, sectionSlug: list.slug }] : [];
  const body = renderDocument(
    {
      language: 'en',
      title: pageTitle,
      description,
      canonicalUrl: url,
      feeds,
      extraHead: websiteSocialMeta({ siteName: site.publication, title: pageTitle, description, url }),
      currentSection: list.kind === 'section' ? list.slug : undefined,
      main,
    },
    site,
  );
  return htmlFile(listKey(list.kind, list.slug, list.page), body, undefined, LIST_CACHE_CONTROL);
}
