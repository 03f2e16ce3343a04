import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  paginateScan,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import { TABLE_INDEXES } from '../../events/names';
import type { ArticleContent, ArticleHead, ArticleHeadWithContent, ArticleSummary } from '../domain/article';
import { ABSENT_AS, guardOf, patchOf, UNFINISHED_STAGES, waitingSince, type HeadEvent } from '../domain/lifecycle';
import {
  contentFromItem,
  hasContent,
  headFromItem,
  headToItem,
  keys,
  publishedIndexKeys,
  summaryFromItem,
  versionFromItem,
  versionToItem,
} from './article-item';
import type { SaveOutcome, ArticleStore } from '../ports/article-store';
import { batchGetAll } from './dynamodb-batches';

/** The head attribute holding when a transition last set its stage (ISO 8601). */
export const STAGE_SINCE = 'stageSince';

/** Options of {@link createArticleStore}. */
export interface ArticleStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * Creates the DynamoDB article store. Key formats, and every condition on an
 * article head (derived from the lifecycle table), stay inside this adapter.
 *
 * `listUnfinished` is a filtered Scan of the whole table: the reconciler runs
 * it every few minutes and it reads every item once (about 0.3 million read
 * units a month per 10,000 items at a 15-minute period); a sparse index on
 * unfinished stages would make it proportional to the stuck heads instead,
 * once the table is large.
 */
export function createArticleStore({ client, tableName }: ArticleStoreOptions): ArticleStore {
  async function getHead(id: string): Promise<ArticleHead | undefined> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.article(id), SK: keys.head }, ConsistentRead: true }));
    return Item ? headFromItem(Item) : undefined;
  }

  async function getHeads(ids: readonly string[]): Promise<Map<string, ArticleHead>> {
    const keyOf = (id: string) => ({ PK: keys.article(id), SK: keys.head });
    const items = await batchGetAll(client, tableName, [...new Set(ids)].map(keyOf), 1, true);
    return new Map(items.map(headFromItem).map((head) => [head.id, head]));
  }

  async function getContents(refs: readonly ArticleVersionRef[]): Promise<Map<string, ArticleContent>> {
    const wanted = new Map(refs.map((ref) => [ref.id, ref.version]));
    const keyOf = (id: string, version: number) => ({ PK: keys.article(id), SK: keys.version(version) });
    const items = await batchGetAll(
      client,
      tableName,
      [...wanted].map(([id, version]) => keyOf(id, version)),
      1,
      true,
    );
    const contents = new Map(items.map((item) => [String(item.id), contentFromItem(item)]));
    const missing = [...wanted.keys()].filter((id) => !contents.has(id));
    if (missing.length === 0) return contents;
    // A version item is written with its head in one transaction; a head that still carries its content is read
    // for whatever a version item does not answer.
    const heads = await batchGetAll(
      client,
      tableName,
      missing.map((id) => ({ PK: keys.article(id), SK: keys.head })),
      1,
      true,
    );
    for (const item of heads) {
      if (hasContent(item) && item.version === wanted.get(String(item.id))) contents.set(String(item.id), contentFromItem(item));
    }
    return contents;
  }

  async function headBySlug(slug: string): Promise<ArticleHead | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { PK: keys.slug(slug), SK: keys.slugSort }, ConsistentRead: true }),
    );
    return typeof Item?.articleId === 'string' ? getHead(Item.articleId) : undefined;
  }

  async function slugHolder(slug: string) {
    const holder = await headBySlug(slug);
    return holder ? { id: holder.id, title: holder.title, draftKey: holder.draftKey } : undefined;
  }

  async function listUnfinished(): Promise<ArticleHead[]> {
    const heads: ArticleHead[] = [];
    const stages = Object.fromEntries(UNFINISHED_STAGES.map((stage, i) => [`:s${i}`, stage]));
    const pages = paginateScan(
      { client },
      {
        TableName: tableName,
        FilterExpression: `SK = :head AND #stage IN (${Object.keys(stages).join(', ')})`,
        ExpressionAttributeNames: { '#stage': 'stage' },
        ExpressionAttributeValues: { ':head': keys.head, ...stages },
      },
    );
    for await (const page of pages) heads.push(...(page.Items ?? []).map(headFromItem));
    return heads.sort((a, b) => waitingSince(a) - waitingSince(b));
  }

  async function saveVersion(next: ArticleHeadWithContent, previousVersion: number): Promise<SaveOutcome> {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: headToItem(next),
                ConditionExpression: previousVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :previousVersion',
                ExpressionAttributeNames: previousVersion === 0 ? undefined : { '#version': 'version' },
                ExpressionAttributeValues: previousVersion === 0 ? undefined : { ':previousVersion': previousVersion },
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: versionToItem(next),
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { PK: keys.slug(next.slug), SK: keys.slugSort, articleId: next.id },
                ConditionExpression: 'attribute_not_exists(PK) OR articleId = :id',
                ExpressionAttributeValues: { ':id': next.id },
              },
            },
          ],
        }),
      );
      return { kind: 'saved', head: next };
    } catch (error) {
      const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
      if (reasons[2]?.Code === 'ConditionalCheckFailed' && reasons[0]?.Code !== 'ConditionalCheckFailed') {
        const holder = await slugHolder(next.slug);
        if (holder && holder.id !== next.id) return { kind: 'slug-taken', holder };
      }
      throw error;
    }
  }

  async function listPublished(limit: number): Promise<ArticleSummary[]> {
    const index = TABLE_INDEXES.byPublished;
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': keys.publishedPartition },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return Items.map(summaryFromItem);
  }

  async function conditionalUpdate(id: string, update: Omit<UpdateCommandInput, 'TableName' | 'Key'>): Promise<boolean> {
    try {
      await client.send(new UpdateCommand({ TableName: tableName, Key: { PK: keys.article(id), SK: keys.head }, ...update }));
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  function transition(ref: ArticleVersionRef, event: HeadEvent): Promise<boolean> {
    const names: Record<string, string> = { '#version': 'version' };
    const values: Record<string, unknown> = { ':version': ref.version };
    const conditions = guardOf(event).map((clause, i) => {
      const { field } = clause;
      names[`#g${i}`] = field;
      let test: string;
      if (clause.oneOf) {
        const placeholders = clause.oneOf.map((value, j) => {
          values[`:g${i}_${j}`] = value;
          return `:g${i}_${j}`;
        });
        test = placeholders.length === 1 ? `#g${i} = ${placeholders[0]}` : `#g${i} IN (${placeholders.join(', ')})`;
      } else {
        values[`:g${i}`] = clause.below;
        test = `#g${i} < :g${i}`;
      }
      // An absent field counts as its ABSENT_AS value, as in the lifecycle's `allows`.
      const absent = ABSENT_AS[field];
      const absentPasses =
        absent !== undefined && (clause.oneOf ? clause.oneOf.includes(absent) : typeof absent === 'number' && absent < clause.below);
      return absentPasses ? `(attribute_not_exists(#g${i}) OR ${test})` : test;
    });
    const patch = patchOf(event);
    const fields: Record<string, unknown> = {
      ...patch,
      ...(patch.related
        ? { related: patch.related.map(({ slug, title, section, fill }) => (fill ? { slug, title, section, fill } : { slug, title, section })) }
        : {}),
      // Going live puts the head on the published index (home page, feeds).
      ...(patch.status === 'published' && patch.publishedAt ? publishedIndexKeys({ id: ref.id, publishedAt: patch.publishedAt }) : {}),
      // When the head entered its stage: the reconciler's clock for a claimed alert (`alerting`) left in doubt.
      ...(patch.stage ? { [STAGE_SINCE]: new Date().toISOString() } : {}),
    };
    const sets = Object.entries(fields).map(([field, value], i) => {
      names[`#p${i}`] = field;
      values[`:p${i}`] = value;
      return `#p${i} = :p${i}`;
    });
    return conditionalUpdate(ref.id, {
      UpdateExpression: `SET ${sets.join(', ')}`,
      ConditionExpression: ['#version = :version', ...conditions].join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    });
  }

  async function listVersions(id: string): Promise<ArticleHeadWithContent[]> {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :version)',
        ExpressionAttributeValues: { ':pk': keys.article(id), ':version': keys.versionPrefix },
        ConsistentRead: true,
      }),
    );
    return Items.map(versionFromItem);
  }

  return { getHead, getHeads, getContents, headBySlug, saveVersion, listPublished, listUnfinished, listVersions, transition };
}
