import type { ArticleImage, ArticleSummary } from '../article';
import { slugify } from '../draft/slug';
import { isoInstant } from './time';
import { renderCache } from './render-caches';

/**
 * The lists an article appears in. `home` is every published article; `month`
 * lists (by publication month, UTC) feed the sitemap parts and have no HTML pages.
 */
export type ListKind = 'home' | 'section' | 'tag' | 'author' | 'month';

/** One list: its kind, URL name and display name. */
export interface ListRef {
  readonly kind: ListKind;
  /** URL name (slugified); empty for `home`; `YYYY-MM` for `month`. */
  readonly slug: string;
  /** Name shown on its pages. */
  readonly name: string;
}

/** What list pages, feeds and sitemaps show of an article: its summary plus takeaways. */
export interface ListedArticle extends ArticleSummary {
  readonly takeaways: readonly string[];
}

/** A list entry as stored: the article and its stable position in the list (1 = oldest). */
export interface ListEntry extends ListedArticle {
  readonly ordinal: number;
}

/** Where an article currently appears: its listed summary and its ordinal in each list, by list id. */
export interface ArticleListing {
  readonly article: ListedArticle;
  readonly ordinals: Readonly<Record<string, number>>;
}

/** Entries per list page (and the size of the archive buckets). */
export const LIST_PAGE_SIZE = 20;
/** Items per feed. */
export const FEED_SIZE = 20;
/** How far back the news sitemap reaches. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

/** The stable id of a list, e.g. `home`, `section/world`, `tag/ai`, `author/jane-doe`, `month/2025-03`. */
export function listId(ref: Pick<ListRef, 'kind' | 'slug'>): string {
  return ref.kind === 'home' ? 'home' : `${ref.kind}/${ref.slug}`;
}

/** The list of `kind` named `name`, with its slug derived the way article slugs are. */
export function listRef(kind: Exclude<ListKind, 'home' | 'month'>, name: string): ListRef {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    if (slugs.size > 10_000) slugs.clear();
    slugs.set(name, slug);
  }
  return { kind, slug, name };
}

// Section, tag and byline names repeat across every page; slugify is comparatively costly.
const slugs = renderCache<string, string>();

/** The `YYYY-MM` month (UTC) of an ISO instant; `unknown` when it does not parse. */
export function monthOf(iso: string): string {
  return isoInstant(iso)?.slice(0, 7) ?? 'unknown';
}

/** Every list a published article belongs to: home, its section, each tag, its byline, its month. Deduplicated. */
export function listsOf(article: Pick<ArticleSummary, 'section' | 'tags' | 'byline' | 'publishedAt'>): ListRef[] {
  const month = monthOf(article.publishedAt);
  const refs: ListRef[] = [{ kind: 'home', slug: '', name: 'Latest' }, listRef('section', article.section)];
  for (const tag of article.tags) refs.push(listRef('tag', tag));
  if (article.byline) refs.push(listRef('author', article.byline));
  refs.push({ kind: 'month', slug: month, name: month });
  const seen = new Set<string>();
  return refs.filter((ref) => {
    const id = listId(ref);
    return !seen.has(id) && seen.add(id);
  });
}

/** The list ref of a list id (inverse of {@link listId}); names of non-home lists are their slugs. */
export function parseListId(id: string): ListRef {
  if (id === 'home') return { kind: 'home', slug: '', name: 'Latest' };
  const slash = id.indexOf('/');
  const kind = id.slice(0, slash) as ListKind;
  return { kind, slug: id.slice(slash + 1), name: id.slice(slash + 1) };
}

/**
 * Number of archive pages a list of `total` ordinals has. Archive pages are
 * numbered from the oldest and hold a fixed range of ordinals, so a new story
 * never changes them; the front page shows everything newer than the last one
 * (between one and two pages' worth).
 */
export function archivePageCount(total: number): number {
  return Math.max(0, Math.floor(total / LIST_PAGE_SIZE) - 1);
}

/** The archive page an ordinal falls in (it exists only when ≤ {@link archivePageCount}). */
export function pageOfOrdinal(ordinal: number): number {
  return Math.ceil(ordinal / LIST_PAGE_SIZE);
}

/** The ordinals `[first, last]` of archive page `page`. */
export function archivePageRange(page: number): readonly [number, number] {
  return [(page - 1) * LIST_PAGE_SIZE + 1, page * LIST_PAGE_SIZE];
}

/** The front page shows ordinals strictly above this. */
export function frontFloor(total: number): number {
  return archivePageCount(total) * LIST_PAGE_SIZE;
}

/** What lists show of an article: its summary fields and takeaways, nothing else (an image only when it has a `src`, without caption or credit). */
export function listedArticle(article: ListedArticle): ListedArticle {
  const { id, slug, title, dek, section, tags, byline, publishedAt, updatedAt, language, takeaways, breaking, image } = article;
  return {
    id,
    slug,
    title,
    ...(dek === undefined ? {} : { dek }),
    section,
    tags: [...tags],
    ...(byline === undefined ? {} : { byline }),
    publishedAt,
    updatedAt,
    language,
    takeaways: [...takeaways],
    ...(breaking ? { breaking: true } : {}),
    ...(image?.src ? { image: listedImage(image) } : {}),
  };
}

function listedImage({ src, alt, width, height }: ArticleImage): ArticleImage {
  return { src, alt, ...(width && height ? { width, height } : {}) };
}
