import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import * as z from '../../events/zod';
import { articleSchema } from './article-item';
import type { ArchiveStats, CurrentRelated, Posting, ScoredLink } from '../domain/related';
import type { IndexedDocument, ImportOptions, RelatedIndex } from '../ports/related-index';

/** Key formats of the related-articles index, on the article table's base keys. They never leave this adapter. */
const keys = {
  term: (term: string) => `TERM#${term}`,
  posting: (publishedAt: string, id: string) => `${publishedAt}#${id}`,
  frequency: (term: string) => `DF#${term}`,
  frequencySort: 'DF',
  stats: 'RELATED#STATS',
  statsSort: 'STATS',
  document: (id: string) => `RELATED#${id}`,
  documentSort: 'DOC',
} as const;

/** Options of {@link createRelatedIndex}. */
export interface RelatedIndexOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

const scoredLinkSchema = z.object({ id: z.string(), slug: z.string(), title: z.string(), section: z.string(), score: z.number() });

const postingSchema = z.object({
  term: z.string(),
  tf: z.number(),
  ...z.pick(articleSchema, { id: true, slug: true, title: true, section: true, tags: true, language: true, publishedAt: true, status: true }).shape,
  len: z.number(),
  q: z.record(z.string(), z.number()),
  self: z.number(),
});

const documentSchema = z.object({
  id: z.string(),
  version: z.number(),
  publishedAt: z.string(),
  len: z.number(),
  terms: z.array(z.string()),
  vocabulary: z.array(z.string()),
  related: z.array(scoredLinkSchema),
});

const statsSchema = z.object({ documents: z.number(), totalLength: z.number() });
const frequencySchema = z.object({ term: z.string(), df: z.number() });

/** DynamoDB's limit on actions per transaction. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_BATCH_GET = 100;
const MAX_BATCH_WRITE = 25;
const CONFLICT_RETRIES = 5;

/** Creates the DynamoDB related-articles index. Key formats stay inside this adapter. */
export function createRelatedIndex({ client, tableName }: RelatedIndexOptions): RelatedIndex {
  async function batchGet(keyList: readonly Record<string, string>[]): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    for (let start = 0; start < keyList.length; start += MAX_BATCH_GET) {
      let pending: Record<string, unknown>[] | undefined = keyList.slice(start, start + MAX_BATCH_GET);
      for (let attempt = 0; pending && pending.length > 0; attempt++) {
        if (attempt > 0) await backoff(attempt);
        const response: BatchGetCommandOutput = await client.send(
          new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } }, ReturnConsumedCapacity: 'TOTAL' }),
        );
        items.push(...(response.Responses?.[tableName] ?? []));
        pending = response.UnprocessedKeys?.[tableName]?.Keys;
      }
    }
    return items;
  }

  async function archiveStats(terms: readonly string[]): Promise<ArchiveStats> {
    const unique = [...new Set(terms)];
    const items = await batchGet([
      { PK: keys.stats, SK: keys.statsSort },
      ...unique.map((term) => ({ PK: keys.frequency(term), SK: keys.frequencySort })),
    ]);
    let totals = { documents: 0, totalLength: 0 };
    const documentFrequencies = new Map<string, number>();
    for (const item of items) {
      if (item.PK === keys.stats) totals = statsSchema.parse(item);
      else {
        const { term, df } = frequencySchema.parse(item);
        documentFrequencies.set(term, df);
      }
    }
    return { ...totals, documentFrequencies };
  }

  async function postings(terms: readonly string[], perTermLimit: number): Promise<Posting[]> {
    const lists = await Promise.all(
      [...new Set(terms)].map(async (term) => {
        const { Items = [] } = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': keys.term(term) },
            ScanIndexForward: false,
            Limit: perTermLimit,
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        return Items.map(postingFromItem);
      }),
    );
    return lists.flat();
  }

  async function currentRelated(ids: readonly string[]): Promise<Map<string, CurrentRelated>> {
    const items = await batchGet([...new Set(ids)].map((id) => ({ PK: keys.document(id), SK: keys.documentSort })));
    const out = new Map<string, CurrentRelated>();
    for (const item of items) {
      const { id, version, related } = documentSchema.parse(item);
      out.set(id, { id, version, related });
    }
    return out;
  }

  async function readDocument(id: string) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: { PK: keys.document(id), SK: keys.documentSort },
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    return Item ? documentSchema.parse(Item) : undefined;
  }

  /** Runs a transaction, retrying on conflicts with concurrent publishes (the totals item is shared). False if a condition failed. */
  async function transact(items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>): Promise<boolean> {
    if (items.length > MAX_TRANSACTION_ITEMS) {
      throw new RelatedIndexLimitError(`A related-index write needs ${items.length} actions; the limit is ${MAX_TRANSACTION_ITEMS}.`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return true;
      } catch (error) {
        const reasons = error instanceof TransactionCanceledException ? (error.CancellationReasons ?? []) : [];
        if (reasons.some((reason) => reason.Code === 'ConditionalCheckFailed')) return false;
        const conflict = reasons.some((reason) => reason.Code === 'TransactionConflict');
        if (!conflict || attempt >= CONFLICT_RETRIES) throw error;
        await backoff(attempt + 1);
      }
    }
  }

  const totalsUpdate = (documents: number, length: number) => ({
    Update: {
      TableName: tableName,
      Key: { PK: keys.stats, SK: keys.statsSort },
      UpdateExpression: 'ADD documents :documents, totalLength :length',
      ExpressionAttributeValues: { ':documents': documents, ':length': length },
    },
  });

  const frequencyUpdate = (term: string, delta: number) => ({
    Update: {
      TableName: tableName,
      Key: { PK: keys.frequency(term), SK: keys.frequencySort },
      UpdateExpression: 'SET #term = :term ADD df :delta',
      ExpressionAttributeNames: { '#term': 'term' },
      ExpressionAttributeValues: { ':term': term, ':delta': delta },
    },
  });

  async function removeIndexed(indexed: z.infer<typeof documentSchema>): Promise<boolean> {
    return transact([
      {
        Delete: {
          TableName: tableName,
          Key: { PK: keys.document(indexed.id), SK: keys.documentSort },
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': indexed.version },
        },
      },
      ...indexed.terms.map((term) => ({
        Delete: { TableName: tableName, Key: { PK: keys.term(term), SK: keys.posting(indexed.publishedAt, indexed.id) } },
      })),
      ...indexed.vocabulary.map((term) => frequencyUpdate(term, -1)),
      totalsUpdate(-1, -indexed.len),
    ]);
  }

  async function indexArticle(document: IndexedDocument): Promise<'indexed' | 'unchanged'> {
    const previous = await readDocument(document.article.id);
    if (previous && previous.version >= document.version) return 'unchanged';
    if (previous) await removeIndexed(previous);
    const written = await transact([
      {
        Put: {
          TableName: tableName,
          Item: documentToItem(document),
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      ...postingItems(document).map((Item) => ({ Put: { TableName: tableName, Item } })),
      ...document.vocabulary.map((term) => frequencyUpdate(term, 1)),
      totalsUpdate(1, document.article.length),
    ]);
    return written ? 'indexed' : 'unchanged';
  }

  async function setRelated(id: string, version: number, related: readonly ScoredLink[]): Promise<boolean> {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: keys.document(id), SK: keys.documentSort },
          UpdateExpression: 'SET related = :related',
          ConditionExpression: '#version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':related': related.map(plainLink), ':version': version },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  async function removeArticle(id: string): Promise<boolean> {
    const indexed = await readDocument(id);
    return indexed ? removeIndexed(indexed) : false;
  }

  async function importArticles(documents: readonly IndexedDocument[], options: ImportOptions = {}): Promise<void> {
    const frequencies = new Map<string, number>();
    let totalLength = 0;
    const items: Record<string, unknown>[] = [];
    for (const document of documents) {
      for (const term of document.vocabulary) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
      totalLength += document.article.length;
      items.push(documentToItem(document), ...postingItems(document));
    }
    for (const [term, df] of frequencies) items.push({ PK: keys.frequency(term), SK: keys.frequencySort, term, df });
    items.push({ PK: keys.stats, SK: keys.statsSort, documents: documents.length, totalLength });

    const batches: Record<string, unknown>[][] = [];
    for (let start = 0; start < items.length; start += MAX_BATCH_WRITE) batches.push(items.slice(start, start + MAX_BATCH_WRITE));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        let pending = batches[next++]!.map((Item) => ({ PutRequest: { Item } }));
        for (let attempt = 0; pending.length > 0; attempt++) {
          if (attempt > 0) await backoff(attempt);
          const response = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
          pending = (response.UnprocessedItems?.[tableName] ?? []).flatMap((request) =>
            request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
          );
        }
      }
    };
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  }

  return { archiveStats, postings, currentRelated, indexArticle, setRelated, removeArticle, importArticles };
}

/** Thrown when a configuration would make one index write exceed DynamoDB's transaction limit. */
export class RelatedIndexLimitError extends Error {
  override readonly name = 'RelatedIndexLimitError';
}

function plainLink({ id, slug, title, section, score }: ScoredLink): ScoredLink {
  return { id, slug, title, section, score };
}

function documentToItem({ article, version, postings, vocabulary, related }: IndexedDocument): Record<string, unknown> {
  return {
    PK: keys.document(article.id),
    SK: keys.documentSort,
    id: article.id,
    version,
    publishedAt: article.publishedAt,
    len: article.length,
    terms: [...postings.keys()],
    vocabulary: [...vocabulary],
    related: related.map(plainLink),
  };
}

function postingItems({ article, postings }: IndexedDocument): Record<string, unknown>[] {
  const summary = {
    id: article.id,
    slug: article.slug,
    title: article.title,
    section: article.section,
    tags: [...article.tags],
    language: article.language,
    publishedAt: article.publishedAt,
    status: article.status,
    len: article.length,
    q: Object.fromEntries(article.query),
    self: article.selfScore,
  };
  return [...postings].map(([term, tf]) => ({
    PK: keys.term(term),
    SK: keys.posting(article.publishedAt, article.id),
    term,
    tf,
    ...summary,
  }));
}

function postingFromItem(item: Record<string, unknown>): Posting {
  const { term, tf, q, self, len, ...article } = postingSchema.parse(item);
  return { term, frequency: tf, article: { ...article, length: len, query: new Map(Object.entries(q)), selfScore: self } };
}

function backoff(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt) * Math.random()));
}
