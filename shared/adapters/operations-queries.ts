import { GetCommand, paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STAGES } from '../domain/lifecycle';
import type { ArticleHead, ArticleSummary } from '../domain/article';
import { headFromItem, keys } from './article-item';
import { createArticleStore, STAGE_SINCE } from './article-store';

/** A head in flight, with when it entered its stage if a transition recorded that. */
export type HeadInFlight = ArticleHead & { readonly stageSince?: string };

/** Options of {@link createOperationsQueries}. */
export interface OperationsQueriesOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Read-only questions an operator asks of the article table. */
export interface OperationsQueries {
  /** Heads still waiting for a stream consumer (render or notify) or holding a claimed alert (alerting), oldest update first. */
  headsInFlight(): Promise<HeadInFlight[]>;
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
  async function headsInFlight(): Promise<HeadInFlight[]> {
    const heads: HeadInFlight[] = [];
    const pages = paginateScan(
      { client },
      {
        TableName: tableName,
        FilterExpression: 'SK = :head AND #stage IN (:render, :notify, :alerting)',
        ExpressionAttributeNames: { '#stage': 'stage' },
        ExpressionAttributeValues: { ':head': keys.head, ':render': STAGES.render, ':notify': STAGES.notify, ':alerting': STAGES.alerting },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const since = item[STAGE_SINCE];
        heads.push({ ...headFromItem(item), ...(typeof since === 'string' ? { stageSince: since } : {}) });
      }
    }
    return heads.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  }

  const store = createArticleStore({ client, tableName });

  async function lastPublished(): Promise<ArticleSummary | undefined> {
    const [last] = await store.listPublished(1);
    return last;
  }

  async function headBySlug(slug: string): Promise<ArticleHead | undefined> {
    const { Item: claim } = await client.send(new GetCommand({ TableName: tableName, Key: { PK: keys.slug(slug), SK: keys.slugSort } }));
    return typeof claim?.articleId === 'string' ? store.getHead(claim.articleId) : undefined;
  }

  return { headsInFlight, lastPublished, headBySlug };
}
