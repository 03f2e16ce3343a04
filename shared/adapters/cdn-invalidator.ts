import { CreateInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { randomUUID } from 'node:crypto';
import type { CdnInvalidator } from '../ports/cdn-invalidator';

/** Options of {@link createCdnInvalidator}. */
export interface CdnInvalidatorOptions {
  readonly client: CloudFrontClient;
  /** The distribution to invalidate. */
  readonly distributionId: string;
}

/**
 * Creates the CloudFront invalidator: one CreateInvalidation per call, with a
 * caller reference unique to the attempt, so a retry of the same paths (or a
 * later batch for the same article with other paths) is never refused as
 * `InvalidationBatchAlreadyExists`. Paths are URL-encoded as CloudFront asks.
 */
export function createCdnInvalidator({ client, distributionId }: CdnInvalidatorOptions): CdnInvalidator {
  return {
    async invalidate(paths) {
      if (paths.length === 0) return;
      await client.send(
        new CreateInvalidationCommand({
          DistributionId: distributionId,
          InvalidationBatch: {
            CallerReference: randomUUID(),
            Paths: { Quantity: paths.length, Items: paths.map((path) => encodeURI(path)) },
          },
        }),
      );
    },
  };
}
