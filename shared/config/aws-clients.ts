import type { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCloudFrontClient } from './clients/cloudfront-client';
import { createDynamoDbClient } from './clients/dynamodb-client';
import { createS3Client } from './clients/s3-client';
import { createSnsClient } from './clients/sns-client';

/** Every AWS client, for local tooling. Functions import only the clients they use, to keep cold starts short. */
export interface AwsClients {
  readonly s3: S3Client;
  readonly dynamodb: DynamoDBDocumentClient;
  readonly sns: SNSClient;
  readonly cloudfront: CloudFrontClient;
}

/** Builds every AWS client from the environment (see each `create*Client`). */
export function createAwsClients(env: NodeJS.ProcessEnv = process.env): AwsClients {
  return {
    s3: createS3Client(env),
    dynamodb: createDynamoDbClient(env),
    sns: createSnsClient(env),
    cloudfront: createCloudFrontClient(env),
  };
}
