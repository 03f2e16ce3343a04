/** The article model shared by the domain: plain data, no AWS types (the shapes are declared in `./article-schema`). */

import type { Article } from './article-schema';

export type {
  Article,
  ArticleAnalysis,
  ArticleContent,
  ArticleHead,
  ArticleHeadWithContent,
  ArticleImage,
  ArticleState,
  ArticleStatus,
  DraftContent,
  RelatedLink,
  TakeawaysSource,
} from './article-schema';

/** What lists (home, section, tag pages) show of an article; `breaking` and `image` only when set. */
export type ArticleSummary = Pick<
  Article,
  'id' | 'slug' | 'title' | 'dek' | 'section' | 'tags' | 'byline' | 'publishedAt' | 'updatedAt' | 'language'
> &
  Partial<Pick<Article, 'breaking' | 'image'>>;

/** A problem found in a draft: what, where (field path), and on which line when known. */
export interface DraftProblem {
  /** Dotted field path, e.g. `image.alt`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
  /** 1-based line in the draft file, when it can be located. */
  readonly line?: number;
}

/** The path of an article's page on the site, e.g. `/articles/some-slug/`. */
export function articlePath(slug: string): string {
  return `/articles/${slug}/`;
}
