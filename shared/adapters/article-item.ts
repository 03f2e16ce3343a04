import * as z from '../../events/zod';
import { HEAD_SORT_KEY, TABLE_INDEXES } from '../../events/names';
import { articleHeadSchema, articleSchema } from '../domain/article-schema';
import type { ArticleHead, ArticleSummary } from '../domain/article';

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

/** Parses a head item read from the table (key attributes dropped). */
export function headFromItem(item: Record<string, unknown>): ArticleHead {
  return articleHeadSchema.parse(item);
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
