import { CloudFrontClient } from '@aws-sdk/client-cloudfront';

/** The CloudFront client (locally unused: without a distribution id, invalidations are only logged). */
export function createCloudFrontClient(): CloudFrontClient {
  return new CloudFrontClient({});
}
