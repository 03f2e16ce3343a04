import { unmarshall } from '@aws-sdk/util-dynamodb';
import * as z from '../../events/zod';
import { HEAD_SORT_KEY, TABLE_INDEXES } from '../../events/names';
import {
  ARTICLE_CONTENT_FIELDS,
  articleContentSchema,
  articleHeadSchema,
  articleHeadWithContentSchema,
  articleSchema,
} from '../domain/article-schema';
import type { ArticleContent, ArticleHead, ArticleHeadWithContent, ArticleSummary } from '../domain/article';

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

/** The article's one shape, from the domain; re-exported for the adapters that pick item fields from it. */
export { articleSchema };

/**
 * Parses a head item read from the table (key attributes dropped). A head written before the content moved to the
 * version item still carries it; it is dropped here, so both shapes read alike.
 */
export function headFromItem(item: Record<string, unknown>): ArticleHead {
  return articleHeadSchema.parse(item);
}

/**
 * The head a stream record's new image holds (DynamoDB JSON, as Lambda delivers it), or undefined when the image is
 * not a whole head item.
 */
export function headFromStreamImage(image: Readonly<Record<string, unknown>>): ArticleHead | undefined {
  try {
    // unmarshall takes attribute values; what it makes of them is checked by the schema.
    const parsed = articleHeadSchema.safeParse(unmarshall(image as Parameters<typeof unmarshall>[0]));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a version item (every field of its version, content included). */
export function versionFromItem(item: Record<string, unknown>): ArticleHeadWithContent {
  return articleHeadWithContentSchema.parse(item);
}

/** Parses the content of a version item (or of a head item written before the content moved off heads). */
export function contentFromItem(item: Record<string, unknown>): ArticleContent {
  return articleContentSchema.parse(item);
}

/** Whether an item carries a version's content: every version item, and head items written before the content moved. */
export function hasContent(item: Record<string, unknown>): boolean {
  return typeof item.body === 'string';
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

/**
 * The head item for an article in a given state, with its index keys, and without the version's content
 * ({@link ARTICLE_CONTENT_FIELDS}): every lifecycle transition rewrites the head (and its published-index copy, and
 * its stream images), so it carries only what transitions, lists and alerts read.
 */
export function headToItem(head: ArticleHead): Record<string, unknown> {
  const listed = head.status === 'published';
  const fields = Object.entries(head).filter(([field]) => !Object.hasOwn(ARTICLE_CONTENT_FIELDS, field));
  return {
    PK: keys.article(head.id),
    SK: keys.head,
    ...Object.fromEntries(fields),
    ...(listed ? publishedIndexKeys(head) : {}),
  };
}

/** The immutable snapshot item of one version of an article: the only item that holds its content. */
export function versionToItem(head: ArticleHeadWithContent): Record<string, unknown> {
  return { ...head, PK: keys.article(head.id), SK: keys.version(head.version) };
}
