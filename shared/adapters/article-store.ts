import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { STAGES, TABLE_INDEXES, type Stage } from '../../events/names';
import type { Article, ArticleHead, ArticleSummary, RelatedLink } from '../domain/article';
import { headFromItem, headToItem, keys, publishedIndexKeys, summaryFromItem, versionToItem } from './article-item';

/** The outcome of saving a new version of an article. */
export type SaveOutcome =
  | { readonly kind: 'saved'; readonly head: ArticleHead }
  | { readonly kind: 'slug-taken'; readonly holder: { readonly id: string; readonly title: string; readonly draftKey: string } };

/** Options of {@link createArticleStore}. */
export interface ArticleStoreOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** Article persistence: versioned heads, slug claims and the published list, in one table. */
export interface ArticleStore {
  /** The current head of an article, read consistently; undefined if it never existed. */
  getHead(id: string): Promise<ArticleHead | undefined>;
  /**
   * Writes `next` as the new head and as an immutable version item, and claims
   * its slug, in one transaction. `previousVersion` guards against a concurrent
   * writer (0 for a new article).
   */
  saveVersion(next: ArticleHead, previousVersion: number): Promise<SaveOutcome>;
  /** Published articles, newest first. */
  listPublished(limit: number): Promise<ArticleSummary[]>;
  /** Every stored version of an article, oldest first. */
  listVersions(id: string): Promise<Article[]>;
  /**
   * Claims the alert of a version: moves it from the notify stage to done and
   * clears `alertDue` in one conditional write. False if it was not owed.
   */
  claimAlert(id: string, version: number): Promise<boolean>;
  /** Gives back a claimed alert after a failed publish, so a retry can send it. */
  releaseAlert(id: string, version: number): Promise<void>;
  /** Moves a head from one stage to another if it is still at `version` and `from`. Returns false otherwise. */
  advanceStage(id: string, version: number, from: Stage, to: Stage): Promise<boolean>;
  /**
   * Replaces the related links of a published head still at `version` and
   * moves it to the render stage, so its page re-renders (an alert already
   * sent stays sent). False if the head moved on or is not published.
   */
  updateRelated(id: string, version: number, related: readonly RelatedLink[]): Promise<boolean>;
  /**
   * Publishes a scheduled head at its time: if it is still at `version`,
   * status and stage `scheduled`, and `publishedAt`, makes it published at
   * the render stage and lists it (published index keys from `publishedAt`),
   * in one conditional write. False otherwise.
   */
  publishScheduled(id: string, version: number, publishedAt: string, related: readonly RelatedLink[]): Promise<boolean>;
}

/** Creates the DynamoDB article store. Key formats stay inside this adapter. */
export function createArticleStore({ client, tableName }: ArticleStoreOptions): ArticleStore {
  async function getHead(id: string): Promise<ArticleHead | undefined> {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { PK: keys.article(id), SK: keys.head }, ConsistentRead: true }),
    );
    return Item ? headFromItem(Item) : undefined;
  }

  async function slugHolder(slug: string) {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: { PK: keys.slug(slug), SK: keys.slugSort }, ConsistentRead: true }),
    );
    const holderId = typeof Item?.articleId === 'string' ? Item.articleId : undefined;
    const holder = holderId ? await getHead(holderId) : undefined;
    return holder ? { id: holder.id, title: holder.title, draftKey: holder.draftKey } : undefined;
  }

  async function saveVersion(next: ArticleHead, previousVersion: number): Promise<SaveOutcome> {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: headToItem(next),
                ConditionExpression:
                  previousVersion === 0 ? 'attribute_not_exists(PK)' : '#version = :previousVersion',
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

  function advanceStage(id: string, version: number, from: Stage, to: Stage): Promise<boolean> {
    return conditionalUpdate(id, {
      UpdateExpression: 'SET #stage = :to',
      ConditionExpression: '#version = :version AND #stage = :from',
      ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version' },
      ExpressionAttributeValues: { ':to': to, ':from': from, ':version': version },
    });
  }

  function claimAlert(id: string, version: number): Promise<boolean> {
    return conditionalUpdate(id, {
      UpdateExpression: 'SET #stage = :done, alertDue = :false',
      ConditionExpression: '#version = :version AND #stage = :notify AND alertDue = :true',
      ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version' },
      ExpressionAttributeValues: { ':done': STAGES.done, ':notify': STAGES.notify, ':version': version, ':true': true, ':false': false },
    });
  }

  async function releaseAlert(id: string, version: number): Promise<void> {
    await conditionalUpdate(id, {
      UpdateExpression: 'SET #stage = :notify, alertDue = :true',
      ConditionExpression: '#version = :version AND #stage = :done AND alertDue = :false',
      ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version' },
      ExpressionAttributeValues: { ':done': STAGES.done, ':notify': STAGES.notify, ':version': version, ':true': true, ':false': false },
    });
  }

  function updateRelated(id: string, version: number, related: readonly RelatedLink[]): Promise<boolean> {
    return conditionalUpdate(id, {
      UpdateExpression: 'SET related = :related, #stage = :render',
      ConditionExpression: '#version = :version AND #status = :published',
      ExpressionAttributeNames: { '#stage': 'stage', '#version': 'version', '#status': 'status' },
      ExpressionAttributeValues: {
        ':related': related.map(({ slug, title, section }) => ({ slug, title, section })),
        ':render': STAGES.render,
        ':version': version,
        ':published': 'published',
      },
    });
  }

  function publishScheduled(id: string, version: number, publishedAt: string, related: readonly RelatedLink[]): Promise<boolean> {
    const { partitionKey, sortKey } = TABLE_INDEXES.byPublished;
    const indexKeys = publishedIndexKeys({ id, publishedAt });
    return conditionalUpdate(id, {
      UpdateExpression: 'SET #status = :published, #stage = :render, #gsiPk = :gsiPk, #gsiSk = :gsiSk, wentLive = :true, related = :related',
      ConditionExpression: '#version = :version AND #status = :scheduledStatus AND #stage = :scheduledStage AND publishedAt = :publishedAt',
      ExpressionAttributeNames: { '#status': 'status', '#stage': 'stage', '#version': 'version', '#gsiPk': partitionKey, '#gsiSk': sortKey },
      ExpressionAttributeValues: {
        ':true': true,
        ':related': related.map(({ slug, title, section }) => ({ slug, title, section })),
        ':published': 'published',
        ':render': STAGES.render,
        ':scheduledStatus': 'scheduled',
        ':scheduledStage': STAGES.scheduled,
        ':version': version,
        ':publishedAt': publishedAt,
        ':gsiPk': indexKeys[partitionKey],
        ':gsiSk': indexKeys[sortKey],
      },
    });
  }

  async function listVersions(id: string): Promise<Article[]> {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :version)',
        ExpressionAttributeValues: { ':pk': keys.article(id), ':version': keys.versionPrefix },
        ConsistentRead: true,
      }),
    );
    return Items.map(headFromItem);
  }

  return { getHead, saveVersion, listPublished, listVersions, advanceStage, claimAlert, releaseAlert, updateRelated, publishScheduled };
}
