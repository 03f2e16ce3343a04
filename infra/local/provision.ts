import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type StreamSpecification,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import { TABLE_INDEXES, TABLE_KEYS } from '../../events/names';

/** A table as the CDK app defines it: its keys and one global secondary index. */
export interface LocalTableDefinition {
  readonly keys: { readonly partitionKey: string; readonly sortKey: string };
  readonly index: { readonly indexName: string; readonly partitionKey: string; readonly sortKey: string };
  readonly projection: GlobalSecondaryIndex['Projection'];
  /** The stream the table's consumers read; absent for a table without one. */
  readonly stream?: StreamSpecification;
}

/**
 * Creates a table (on-demand, string keys, its one index) unless it exists,
 * and returns its description once it is active.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, table: LocalTableDefinition): Promise<TableDescription | undefined> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { keys, index } = table;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [keys.partitionKey, keys.sortKey, index.partitionKey, index.sortKey].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: keys.partitionKey, KeyType: 'HASH' },
        { AttributeName: keys.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: table.projection,
        },
      ],
      StreamSpecification: table.stream,
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return Table;
}

/**
 * Creates the article table as the CDK app defines it (same keys, index and
 * stream view) unless it exists, and returns its stream ARN.
 */
export async function ensureArticleTable(client: DynamoDBClient, tableName: string): Promise<string> {
  const table = await ensureTable(client, tableName, {
    keys: TABLE_KEYS,
    index: TABLE_INDEXES.byPublished,
    projection: { ProjectionType: 'ALL' },
    stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  });
  if (!table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream`);
  return table.LatestStreamArn;
}

/** A subscription created on a fresh local stack so a newcomer sees alerts arrive. */
export interface ExampleSubscription {
  readonly protocol: string;
  readonly endpoint: string;
  readonly filterPolicy?: Record<string, unknown>;
}

/** The example subscribers of the alerts topic (apps; email readers live in the subscriber table). */
export const EXAMPLE_SUBSCRIPTIONS: readonly ExampleSubscription[] = [
  { protocol: 'application', endpoint: 'apns:example-iphone' },
  { protocol: 'application', endpoint: 'fcm:example-android', filterPolicy: { breaking: ['true'] } },
];

/** Creates (idempotently) the alerts and editors topics and the example subscriptions. */
export async function ensureTopics(client: SNSClient): Promise<{ alertsTopicArn: string; editorsTopicArn: string }> {
  const create = async (Name: string) => {
    const { TopicArn } = await client.send(new CreateTopicCommand({ Name }));
    if (!TopicArn) throw new Error(`CreateTopic ${Name} returned no ARN`);
    return TopicArn;
  };
  const alertsTopicArn = await create('newsroom-alerts');
  const editorsTopicArn = await create('newsroom-editors');
  for (const subscription of EXAMPLE_SUBSCRIPTIONS) {
    await client.send(
      new SubscribeCommand({
        TopicArn: alertsTopicArn,
        Protocol: subscription.protocol,
        Endpoint: subscription.endpoint,
        Attributes: subscription.filterPolicy ? { FilterPolicy: JSON.stringify(subscription.filterPolicy) } : undefined,
      }),
    );
  }
  await client.send(new SubscribeCommand({ TopicArn: editorsTopicArn, Protocol: 'email', Endpoint: 'editors@example.com' }));
  return { alertsTopicArn, editorsTopicArn };
}
