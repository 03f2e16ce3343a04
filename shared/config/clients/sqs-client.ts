import { SQSClient } from '@aws-sdk/client-sqs';

/** The SQS client; `AWS_ENDPOINT_URL_SQS` points it at the local queue endpoint. */
export function createSqsClient(env: NodeJS.ProcessEnv = process.env): SQSClient {
  const endpoint = env.AWS_ENDPOINT_URL_SQS;
  return new SQSClient(endpoint ? { endpoint } : {});
}
