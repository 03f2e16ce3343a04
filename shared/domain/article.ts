/** The article model shared by the domain: plain data, no AWS types. */

import type { Stage } from './lifecycle';

/** An image shown under the headline. */
export interface ArticleImage {
  /** A file uploaded beside the draft (relative path) or an https URL. Absent means description only. */
  readonly src?: string;
  readonly alt: string;
  readonly caption?: string;
  readonly credit?: string;
  /** Intrinsic size in pixels, read from the image bytes at ingest (absent for an https URL). */
  readonly width?: number;
  readonly height?: number;
}

/** The boxed analysis shown beside the body (the reference page's "Editor's Desk"). */
export interface ArticleAnalysis {
  readonly label: string;
  readonly title?: string;
  /** Markdown. */
  readonly body: string;
}

/** The fields an editor writes in a draft, validated, with the slug resolved. */
export interface DraftContent {
  readonly title: string;
  readonly section: string;
  readonly slug: string;
  readonly dek?: string;
  readonly tags: readonly string[];
  readonly byline?: string;
  readonly publication?: string;
  /** BCP 47 tag; `en` when the draft gives none. */
  readonly language: string;
  /** ISO 8601 instant. */
  readonly publishAt?: string;
  readonly image?: ArticleImage;
  /** The editor's takeaways; absent means they are generated. */
  readonly takeaways?: readonly string[];
  readonly analysis?: ArticleAnalysis;
  readonly breaking: boolean;
  readonly correction?: string;
  /** Markdown. */
  readonly body: string;
}

/** Who produced an article's takeaways. */
export type TakeawaysSource = 'editor' | 'extractive' | 'bedrock';

/** A link to another article in the Related Articles block. */
export interface RelatedLink {
  readonly slug: string;
  readonly title: string;
  readonly section: string;
  /** A recent story of the same section filling the list when too few close matches exist ("More in <section>"). */
  readonly fill?: true;
}

/** Publication state of an article. */
export type ArticleStatus = 'published' | 'scheduled' | 'withdrawn';

/** An article as stored and rendered. */
export interface Article extends Omit<DraftContent, 'takeaways'> {
  readonly id: string;
  readonly version: number;
  readonly status: ArticleStatus;
  readonly takeaways: readonly string[];
  readonly takeawaysSource: TakeawaysSource;
  readonly related: readonly RelatedLink[];
  /** ISO 8601: first publication. */
  readonly publishedAt: string;
  /** ISO 8601: this version. */
  readonly updatedAt: string;
  /** Key of the draft object that produced this version. */
  readonly draftKey: string;
}

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

/** Where an article stands in the pipeline, beside its content. */
export interface ArticleState {
  /** What the pipeline still has to do for this version. */
  readonly stage: Stage;
  /** SHA-256 of the draft bytes that produced this version: re-uploading the same bytes changes nothing. */
  readonly sourceHash: string;
  /** Whether this version, once live, is owed a subscriber alert. */
  readonly alertDue: boolean;
  /** Whether any version of the article has been live (a withdrawn or rescheduled article remembers it). */
  readonly wentLive?: boolean;
}

/** An article's current version with its pipeline state (the table's head item). */
export type ArticleHead = Article & ArticleState;
