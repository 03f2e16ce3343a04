import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** The DynamoDB document client (undefined attributes dropped); `AWS_ENDPOINT_URL_DYNAMODB` points it at DynamoDB Local. */
export function createDynamoDbClient(env: NodeJS.ProcessEnv = process.env): DynamoDBDocumentClient {
  const endpoint = env.AWS_ENDPOINT_URL_DYNAMODB;
  return DynamoDBDocumentClient.from(new DynamoDBClient(endpoint ? { endpoint } : {}), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
