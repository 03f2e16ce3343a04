import { CloudFrontClient } from '@aws-sdk/client-cloudfront';

/** The CloudFront client; `AWS_ENDPOINT_URL_CLOUDFRONT` points it at the local CloudFront API. */
export function createCloudFrontClient(env: NodeJS.ProcessEnv = process.env): CloudFrontClient {
  const endpoint = env.AWS_ENDPOINT_URL_CLOUDFRONT;
  return new CloudFrontClient(endpoint ? { endpoint } : {});
}
