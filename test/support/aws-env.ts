import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, beforeEach, vi } from 'vitest';
import { ENV } from '../../events/names';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { LOCAL_NAMES } from '../../infra/local/local-names';
import { endpoints } from './local-stack-client';

/**
 * Points this test process at the running local stack the way the local
 * runtime points the functions at it: through the environment that
 * `shared/config` reads. Call before importing a handler.
 */
export function useLocalStackEnvironment(): void {
  const e = endpoints();
  Object.assign(process.env, {
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: e.s3,
    AWS_ENDPOINT_URL_DYNAMODB: e.dynamodb,
    AWS_ENDPOINT_URL_SNS: e.sns,
    AWS_ENDPOINT_URL_SCHEDULER: e.scheduler,
    AWS_ENDPOINT_URL_CLOUDFRONT: e.cloudfront,
    AWS_ENDPOINT_URL_SQS: e.sqs,
    [ENV.distributionId]: e.distributionId,
    [ENV.invalidationQueueUrl]: e.invalidationQueueUrl,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    [ENV.tableName]: e.tableName,
    [ENV.draftsBucket]: e.draftsBucket,
    [ENV.siteBucket]: e.siteBucket,
    [ENV.alertsTopicArn]: e.alertsTopicArn,
    [ENV.editorsTopicArn]: e.editorsTopicArn,
    [ENV.siteUrl]: e.site,
    [ENV.scheduleGroupName]: LOCAL_NAMES.scheduleGroup,
    [ENV.schedulerRoleArn]: LOCAL_NAMES.schedulerRoleArn,
    [ENV.publishTargetArn]: LOCAL_NAMES.publishTargetArn,
  });
}

/**
 * Gives each test of the calling file the local region and credentials in the environment (as a function's SDK
 * clients read them), and takes every stubbed variable back after it.
 */
export function stubLocalCredentialsEachTest(): void {
  beforeEach(() => {
    vi.stubEnv('AWS_REGION', LOCAL_REGION);
    vi.stubEnv('AWS_ACCESS_KEY_ID', LOCAL_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', LOCAL_CREDENTIALS.secretAccessKey);
  });
  afterEach(() => vi.unstubAllEnvs());
}

/** A low-level DynamoDB client for the local stack. */
export function dynamoDbClient(): DynamoDBClient {
  return new DynamoDBClient({ endpoint: endpoints().dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
}
