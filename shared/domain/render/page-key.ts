/**
 * A page (or group of files) of the site that a publish may have to re-render.
 * Built by `affectedPages` and `allPageKeys`, read by the renderer and the
 * invalidation paths: one typed value, never a string to split.
 */
export type PageKey =
  /** An article's page (or, for a withdrawn or moved slug, its 410 or 301 notice). */
  | { readonly kind: 'article'; readonly slug: string }
  /** A paged list (home, section, tag, author): its front page, or archive page `page`. */
  | { readonly kind: 'list'; readonly listId: string; readonly page?: number }
  /** The RSS, Atom and JSON feeds of the `home` or a `section/<slug>` list. */
  | { readonly kind: 'feed'; readonly listId: string }
  /** The sitemap index. */
  | { readonly kind: 'sitemap-index' }
  /** The news sitemap (the last 48 hours). */
  | { readonly kind: 'news-sitemap' }
  /** The sitemap part of one `month/<YYYY-MM>` list. */
  | { readonly kind: 'month-sitemap'; readonly listId: string };

/** A readable, unique name of a page key, for sets, logs and reports (never parsed back). */
export function pageName(key: PageKey): string {
  switch (key.kind) {
    case 'article':
      return `article ${key.slug}`;
    case 'list':
      return key.page === undefined ? `list ${key.listId}` : `list ${key.listId} page ${key.page}`;
    case 'feed':
    case 'month-sitemap':
      return `${key.kind} ${key.listId}`;
    default:
      return key.kind;
  }
}

/** A set of page keys: each page once, in the order first added. */
export class PageSet implements Iterable<PageKey> {
  readonly #pages = new Map<string, PageKey>();

  constructor(keys: Iterable<PageKey> = []) {
    for (const key of keys) this.add(key);
  }

  /** Adds a page unless it is already in the set. */
  add(key: PageKey): this {
    const name = pageName(key);
    if (!this.#pages.has(name)) this.#pages.set(name, key);
    return this;
  }

  /** How many distinct pages the set holds. */
  get size(): number {
    return this.#pages.size;
  }

  [Symbol.iterator](): Iterator<PageKey> {
    return this.#pages.values();
  }
}
