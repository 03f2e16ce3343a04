import * as z from '../../events/zod';
import { HEAD_SORT_KEY, TABLE_INDEXES } from '../../events/names';
import type { ArticleHead, ArticleSummary } from '../domain/article';
import { STAGE_NAMES } from '../domain/lifecycle';

/** Key formats of the article table. They never leave the adapters. */
export const keys = {
  article: (id: string) => `ARTICLE#${id}`,
  versionPrefix: 'V#',
  version: (version: number) => `V#${String(version).padStart(8, '0')}`,
  slug: (slug: string) => `SLUG#${slug}`,
  head: HEAD_SORT_KEY,
  slugSort: 'SLUG',
  publishedPartition: 'PUBLISHED',
  publishedSort: (publishedAt: string, id: string) => `${publishedAt}#${id}`,
} as const;

const imageSchema = z.object({
  src: z.optional(z.string()),
  alt: z.string(),
  caption: z.optional(z.string()),
  credit: z.optional(z.string()),
  width: z.optional(z.int()),
  height: z.optional(z.int()),
});

/** The stored shape of an article; the list and related-index items pick their fields from it. */
export const articleSchema = z.object({
  id: z.string(),
  version: z.int().check(z.positive()),
  status: z.enum(['published', 'scheduled', 'withdrawn']),
  title: z.string(),
  section: z.string(),
  slug: z.string(),
  dek: z.optional(z.string()),
  tags: z._default(z.array(z.string()), []),
  byline: z.optional(z.string()),
  publication: z.optional(z.string()),
  language: z.string(),
  publishAt: z.optional(z.string()),
  image: z.optional(imageSchema),
  takeaways: z.array(z.string()),
  takeawaysSource: z.enum(['editor', 'extractive', 'bedrock']),
  analysis: z.optional(z.object({ label: z.string(), title: z.optional(z.string()), body: z.string() })),
  breaking: z.boolean(),
  correction: z.optional(z.string()),
  body: z.string(),
  related: z._default(z.array(z.object({ slug: z.string(), title: z.string(), section: z.string(), fill: z.optional(z.literal(true)) })), []),
  publishedAt: z.string(),
  updatedAt: z.string(),
  draftKey: z.string(),
});

const headStateSchema = z.object({
  stage: z.enum(STAGE_NAMES),
  sourceHash: z.string(),
  alertDue: z.boolean(),
  wentLive: z.optional(z.boolean()),
});

/** Parses a head item read from the table. */
export function headFromItem(item: Record<string, unknown>): ArticleHead {
  return { ...articleSchema.parse(item), ...headStateSchema.parse(item) };
}

/** What lists show of a stored article. */
export const summarySchema = z.pick(articleSchema, {
  id: true,
  slug: true,
  title: true,
  dek: true,
  section: true,
  tags: true,
  byline: true,
  publishedAt: true,
  updatedAt: true,
  language: true,
});

/** Parses the list projection of a head item. */
export function summaryFromItem(item: Record<string, unknown>): ArticleSummary {
  return summarySchema.parse(item);
}

/** The published-list index keys of a published head: the attributes that put it on the home page and feeds. */
export function publishedIndexKeys(
  head: Pick<ArticleHead, 'id' | 'publishedAt'>,
): Record<(typeof TABLE_INDEXES.byPublished)['partitionKey' | 'sortKey'], string> {
  return {
    [TABLE_INDEXES.byPublished.partitionKey]: keys.publishedPartition,
    [TABLE_INDEXES.byPublished.sortKey]: keys.publishedSort(head.publishedAt, head.id),
  };
}

/** The head item for an article in a given state, with its index keys. */
export function headToItem(head: ArticleHead): Record<string, unknown> {
  const listed = head.status === 'published';
  return {
    PK: keys.article(head.id),
    SK: keys.head,
    ...head,
    ...(listed ? publishedIndexKeys(head) : {}),
  };
}

/** The immutable snapshot item of one version of an article. */
export function versionToItem(head: ArticleHead): Record<string, unknown> {
  return { ...head, PK: keys.article(head.id), SK: keys.version(head.version) };
}
