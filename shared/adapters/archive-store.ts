import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArchiveStore, StoredArticle } from '../ports/archive-store';
import { headToItem, keys, versionToItem } from './article-item';
import { batchGetAll, batchPutAll } from './dynamodb-batches';

/** Batch requests in flight: DynamoDB Local on disk gains up to about 8 (each item is its own synced write there). */
const IN_FLIGHT = 8;

/** The archive-import store over the article table, with the article store's item shapes. */
export function createArchiveStore({ client, tableName }: { client: DynamoDBDocumentClient; tableName: string }): ArchiveStore {
  return {
    async storedArticles(ids) {
      const items = await batchGetAll(
        client,
        tableName,
        ids.map((id) => ({ PK: keys.article(id), SK: keys.head })),
        IN_FLIGHT,
      );
      return new Map(
        items.map((item): [string, StoredArticle] => [
          String(item.id),
          { id: String(item.id), sourceHash: String(item.sourceHash), status: item.status as StoredArticle['status'] },
        ]),
      );
    },
    async slugHolders(slugs) {
      const items = await batchGetAll(
        client,
        tableName,
        slugs.map((slug) => ({ PK: keys.slug(slug), SK: keys.slugSort })),
        IN_FLIGHT,
      );
      return new Map(items.map((item) => [String(item.PK).slice(keys.slug('').length), String(item.articleId)]));
    },
    async writeArticles(heads) {
      await batchPutAll(
        client,
        tableName,
        heads.flatMap((head) => [headToItem(head), versionToItem(head), { PK: keys.slug(head.slug), SK: keys.slugSort, articleId: head.id }]),
        IN_FLIGHT,
      );
    },
  };
}
