import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from '../../events/zod';
import { TABLE_INDEXES } from '../../events/names';
import { articleHeadSchema } from '../domain/article-schema';
import type { ArchiveReader, PublishedVersion } from '../ports/article-lists';
import type { ArticleHeadWithContent } from '../domain/article';
import { withContent } from '../domain/article-content';
import { contentFromItem, hasContent, headFromItem, keys } from './article-item';
import { batchGetAll } from './dynamodb-batches';

/** Options of {@link createArchiveReader}. */
export interface ArchiveReaderOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Queries in flight, each over its own stretch of publication dates. @default 4 */
  readonly segments?: number;
}

const versionSchema = z.pick(articleHeadSchema, { id: true, version: true, relatedRev: true });
const index = TABLE_INDEXES.byPublished;

/**
 * Creates the archive reader over the article table's `byPublished` index.
 * One partition holds every published head, so a single paginated Query reads
 * them one 1 MB page after another; here the partition is cut by publication
 * date (between its oldest and newest entries) into `segments` stretches read
 * side by side. Bounds are bare timestamps, which no sort key
 * (`publishedAt#id`) equals, so each head falls in exactly one stretch
 * whatever the dates' spread.
 */
export function createArchiveReader({ client, tableName, segments = 4 }: ArchiveReaderOptions): ArchiveReader {
  const names = { '#pk': index.partitionKey, '#sk': index.sortKey };
  const partition = { ':pk': keys.publishedPartition };

  async function edge(oldest: boolean): Promise<number> {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
        ExpressionAttributeValues: partition,
        ProjectionExpression: '#sk',
        ScanIndexForward: oldest,
        Limit: 1,
      }),
    );
    const sortKey = Items[0]?.[index.sortKey];
    return typeof sortKey === 'string' ? Date.parse(sortKey.split('#')[0] ?? '') : Number.NaN;
  }

  /** Key conditions of the stretches, oldest first. */
  async function stretches(): Promise<{ condition: string; values: Record<string, string> }[]> {
    const [from, to] = await Promise.all([edge(true), edge(false)]);
    if (segments <= 1 || !Number.isFinite(from) || !Number.isFinite(to) || to <= from) return [{ condition: '#pk = :pk', values: {} }];
    const bounds = Array.from({ length: segments - 1 }, (_, i) => new Date(from + ((to - from) * (i + 1)) / segments).toISOString());
    return [
      { condition: '#pk = :pk AND #sk < :to', values: { ':to': bounds[0] ?? '' } },
      ...bounds.slice(1).map((to, i) => ({ condition: '#pk = :pk AND #sk BETWEEN :from AND :to', values: { ':from': bounds[i] ?? '', ':to': to } })),
      { condition: '#pk = :pk AND #sk > :from', values: { ':from': bounds.at(-1) ?? '' } },
    ];
  }

  async function readAll(projection?: { expression: string; names: Record<string, string> }): Promise<Record<string, unknown>[]> {
    const parts = await Promise.all(
      (await stretches()).map(async ({ condition, values }) => {
        const items: Record<string, unknown>[] = [];
        let start: Record<string, unknown> | undefined;
        do {
          const page = await client.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: index.indexName,
              KeyConditionExpression: condition,
              ExpressionAttributeNames: {
                '#pk': names['#pk'],
                ...(condition.includes('#sk') ? { '#sk': names['#sk'] } : {}),
                ...projection?.names,
              },
              ExpressionAttributeValues: { ...partition, ...values },
              ProjectionExpression: projection?.expression,
              ExclusiveStartKey: start,
            }),
          );
          items.push(...(page.Items ?? []));
          start = page.LastEvaluatedKey;
        } while (start);
        return items;
      }),
    );
    return parts.flat();
  }

  /** Head items with their content: a head written before the content moved off heads carries its own. */
  async function withContents(items: readonly Record<string, unknown>[]): Promise<ArticleHeadWithContent[]> {
    const heads = items.map(headFromItem);
    const bare = heads.filter((_, i) => !hasContent(items[i] ?? {}));
    const versionKeys = bare.map((head) => ({ PK: keys.article(head.id), SK: keys.version(head.version) }));
    const versions = await batchGetAll(client, tableName, versionKeys, 4, true);
    const contents = new Map(versions.map((item) => [String(item.id), contentFromItem(item)]));
    for (const item of items) if (hasContent(item)) contents.set(String(item.id), contentFromItem(item));
    return heads.map((head) => withContent(head, contents));
  }

  return {
    async publishedHeads() {
      return withContents(await readAll());
    },
    async publishedVersions(): Promise<PublishedVersion[]> {
      const projection = { expression: '#id, #version, #relatedRev', names: { '#id': 'id', '#version': 'version', '#relatedRev': 'relatedRev' } };
      return (await readAll(projection)).map((item) => versionSchema.parse(item));
    },
    async heads(ids) {
      const items = await batchGetAll(
        client,
        tableName,
        [...new Set(ids)].map((id) => ({ PK: keys.article(id), SK: keys.head })),
        4,
        true,
      );
      return withContents(items);
    },
  };
}
