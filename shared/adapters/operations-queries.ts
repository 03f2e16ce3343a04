import { GetCommand, paginateScan, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_INDEXES } from '../../events/names';
import { STAGES } from '../domain/lifecycle';
import type { ArticleHead, ArticleSummary } from '../domain/article';
import { headFromItem, keys, summaryFromItem } from './article-item';

/** Options of {@link createOperationsQueries}. */
export interface OperationsQueriesOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Read-only questions an operator asks of the article table. */
export interface OperationsQueries {
  /** Heads still waiting for a stream consumer (stage render or notify), oldest update first. */
  headsInFlight(): Promise<ArticleHead[]>;
  /** The most recently published article, if any. */
  lastPublished(): Promise<ArticleSummary | undefined>;
  /** The head of the article that holds `slug`, if any. */
  headBySlug(slug: string): Promise<ArticleHead | undefined>;
}

/**
 * Creates the operator queries on the article table. `headsInFlight` scans
 * the table (heads in render or notify are few; the scan reads every item,
 * which is fine for an operator's occasional look, not for a hot path).
 */
export function createOperationsQueries({ client, tableName }: OperationsQueriesOptions): OperationsQueries {
  async function headsInFlight(): Promise<ArticleHead[]> {
    const heads: ArticleHead[] = [];
    const pages = paginateScan(
      { client },
      {
        TableName: tableName,
        FilterExpression: 'SK = :head AND #stage IN (:render, :notify)',
        ExpressionAttributeNames: { '#stage': 'stage' },
        ExpressionAttributeValues: { ':head': keys.head, ':render': STAGES.render, ':notify': STAGES.notify },
      },
    );
    for await (const page of pages) heads.push(...(page.Items ?? []).map(headFromItem));
    return heads.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  }

  async function lastPublished(): Promise<ArticleSummary | undefined> {
    const index = TABLE_INDEXES.byPublished;
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: index.indexName,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': keys.publishedPartition },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    return Items[0] ? summaryFromItem(Items[0]) : undefined;
  }

  async function headBySlug(slug: string): Promise<ArticleHead | undefined> {
    const { Item: claim } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.slug(slug), SK: keys.slugSort } }));
    if (typeof claim?.articleId !== 'string') return undefined;
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.article(claim.articleId), SK: keys.head } }));
    return Item ? headFromItem(Item) : undefined;
  }

  return { headsInFlight, lastPublished, headBySlug };
}
