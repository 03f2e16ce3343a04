import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  waitUntilTableExists,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, SubscribeCommand, type SNSClient } from '@aws-sdk/client-sns';
import { TABLE_INDEXES, TABLE_KEYS } from '../../events/names';

/**
 * Creates the article table as the CDK app defines it (same keys, index and
 * stream view) unless it exists, and returns its stream ARN.
 */
export async function ensureArticleTable(client: DynamoDBClient, tableName: string): Promise<string> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.LatestStreamArn) return Table.LatestStreamArn;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const index = TABLE_INDEXES.byPublished;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: TABLE_KEYS.partitionKey, AttributeType: 'S' },
        { AttributeName: TABLE_KEYS.sortKey, AttributeType: 'S' },
        { AttributeName: index.partitionKey, AttributeType: 'S' },
        { AttributeName: index.sortKey, AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: index.indexName,
          KeySchema: [
            { AttributeName: index.partitionKey, KeyType: 'HASH' },
            { AttributeName: index.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  await waitUntilTableExists({ client, maxWaitTime: 30 }, { TableName: tableName });
  const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (!Table?.LatestStreamArn) throw new Error(`Table ${tableName} has no stream`);
  return Table.LatestStreamArn;
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
