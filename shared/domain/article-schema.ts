/**
 * The article's shapes, each declared once as a zod schema (which the store
 * adapters parse items with) with its type inferred from it. Import the
 * types from `./article`: this module is apart so that code needing only the
 * types or `articlePath` does not load zod.
 */

import * as z from '../../events/zod';
import { STAGE_NAMES } from './lifecycle';

/** Deeply read-only: the domain never changes an article in place (arrays included). */
type Immutable<T> = T extends readonly (infer U)[] ? readonly Immutable<U>[] : T extends object ? { readonly [K in keyof T]: Immutable<T[K]> } : T;

// Schemas are immutable, so the fields share one instance of each kind: each one built is work at every cold start.
const text = z.string();
const optionalText = z.optional(text);
const optionalInt = z.optional(z.int());
const optionalFlag = z.optional(z.boolean());

/** An image shown under the headline. */
export const articleImageSchema = z.object({
  /** A file uploaded beside the draft (relative path) or an https URL. Absent means description only. */
  src: optionalText,
  alt: text,
  caption: optionalText,
  credit: optionalText,
  /** Intrinsic width in pixels, read from the image bytes at ingest (absent for an https URL). */
  width: optionalInt,
  /** Intrinsic height in pixels, as `width`. */
  height: optionalInt,
});

/** An image shown under the headline. */
export type ArticleImage = Immutable<z.output<typeof articleImageSchema>>;

/** The boxed analysis shown beside the body (the reference page's "Editor's Desk"). */
export const articleAnalysisSchema = z.object({
  label: text,
  title: optionalText,
  /** Markdown. */
  body: text,
});

/** The boxed analysis shown beside the body. */
export type ArticleAnalysis = Immutable<z.output<typeof articleAnalysisSchema>>;

/** A link to another article in the Related Articles block. */
export const relatedLinkSchema = z.object({
  slug: text,
  title: text,
  section: text,
  /** A recent story of the same section filling the list when too few close matches exist ("More in <section>"). */
  fill: z.optional(z.literal(true)),
});

/** A link to another article in the Related Articles block. */
export type RelatedLink = Immutable<z.output<typeof relatedLinkSchema>>;

/** Publication states of an article. */
export const ARTICLE_STATUSES = ['published', 'scheduled', 'withdrawn'] as const;

/** Publication state of an article. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Who produced an article's takeaways. */
export const TAKEAWAYS_SOURCES = ['editor', 'extractive', 'bedrock'] as const;

/** Who produced an article's takeaways. */
export type TakeawaysSource = (typeof TAKEAWAYS_SOURCES)[number];

/** The fields an editor writes in a draft, validated, with the slug resolved (takeaways aside: see {@link DraftContent}). */
const contentSchema = z.object({
  title: text,
  section: text,
  slug: text,
  dek: optionalText,
  tags: z._default(z.array(text), []),
  byline: optionalText,
  publication: optionalText,
  /** BCP 47 tag; `en` when the draft gives none. */
  language: text,
  /** ISO 8601 instant. */
  publishAt: optionalText,
  image: z.optional(articleImageSchema),
  analysis: z.optional(articleAnalysisSchema),
  breaking: z.boolean(),
  correction: optionalText,
  /** Markdown. */
  body: text,
});

/** An article as stored and rendered; the list and related-index items pick their fields from it. */
export const articleSchema = z.extend(contentSchema, {
  id: text,
  version: z.int().check(z.positive()),
  status: z.enum(ARTICLE_STATUSES),
  takeaways: z.array(text),
  takeawaysSource: z.enum(TAKEAWAYS_SOURCES),
  related: z._default(z.array(relatedLinkSchema), []),
  /** ISO 8601: first publication. */
  publishedAt: text,
  /** ISO 8601: this version. */
  updatedAt: text,
  /** Key of the draft object that produced this version. */
  draftKey: text,
});

/** An article as stored and rendered. */
export type Article = Immutable<z.output<typeof articleSchema>>;

/** The fields an editor writes in a draft, validated, with the slug resolved; absent takeaways are generated. */
export type DraftContent = Immutable<z.output<typeof contentSchema>> & { readonly takeaways?: readonly string[] };

/** Where an article stands in the pipeline, beside its content. */
export const articleStateSchema = z.object({
  /** What the pipeline still has to do for this version. */
  stage: z.enum(STAGE_NAMES),
  /** SHA-256 of the draft bytes that produced this version: re-uploading the same bytes changes nothing. */
  sourceHash: text,
  /** Whether this version, once live, is owed a subscriber alert. */
  alertDue: z.boolean(),
  /** A related list changed while the alert was out: the page re-renders once the alert is marked sent. */
  relatedPending: optionalFlag,
  /** The related index's revision of the list on this head (see the `relatedChanged` lifecycle event); absent is 0. */
  relatedRev: optionalInt,
  /** Whether any version of the article has been live (a withdrawn or rescheduled article remembers it). */
  wentLive: optionalFlag,
  /** When the editor saved the draft that produced this version (the S3 event time), for drop-to-live. */
  savedAt: optionalText,
  /** When a lifecycle transition last moved this version to its stage. */
  stageSince: optionalText,
  /** When the reconciler last re-announced this version (see the `nudged` lifecycle event). */
  nudgedAt: optionalText,
  /** How often this version has been re-announced. */
  nudges: optionalInt,
});

/** Where an article stands in the pipeline, beside its content. */
export type ArticleState = Immutable<z.output<typeof articleStateSchema>>;

/**
 * The fields of a version too large to rewrite with every lifecycle transition (a body is most of an article's
 * bytes; the takeaways were a third of a head's): stored on the immutable version item only, never on the head item.
 */
export const ARTICLE_CONTENT_FIELDS = { body: true, analysis: true, takeaways: true, takeawaysSource: true } as const;

/** A version's content kept off the head item (see {@link ARTICLE_CONTENT_FIELDS}). */
export const articleContentSchema = z.pick(articleSchema, ARTICLE_CONTENT_FIELDS);

/** A version's content kept off the head item. */
export type ArticleContent = Immutable<z.output<typeof articleContentSchema>>;

/** An article's current version with its pipeline state, content aside (the table's head item). */
export const articleHeadSchema = z.extend(z.omit(articleSchema, ARTICLE_CONTENT_FIELDS), articleStateSchema.shape);

/** An article's current version with its pipeline state, content aside (the table's head item). */
export type ArticleHead = Omit<Article, keyof ArticleContent> & ArticleState;

/** An article's current version with its pipeline state and its content: what its page is rendered from. */
export const articleHeadWithContentSchema = z.extend(articleSchema, articleStateSchema.shape);

/** An article's current version with its pipeline state and its content: what its page is rendered from. */
export type ArticleHeadWithContent = Article & ArticleState;
