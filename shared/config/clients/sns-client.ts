import { SNSClient } from '@aws-sdk/client-sns';

/** The SNS client; `AWS_ENDPOINT_URL_SNS` points it at the local SNS endpoint. */
export function createSnsClient(env: NodeJS.ProcessEnv = process.env): SNSClient {
  const endpoint = env.AWS_ENDPOINT_URL_SNS;
  return new SNSClient(endpoint ? { endpoint } : {});
}
