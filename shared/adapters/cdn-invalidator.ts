import { CreateInvalidationCommand, type CloudFrontClient } from '@aws-sdk/client-cloudfront';
import type { CdnInvalidator } from '../ports/cdn-invalidator';

/** Options of {@link createCdnInvalidator}. */
export interface CdnInvalidatorOptions {
  readonly client: CloudFrontClient;
  /** The distribution to invalidate; absent locally, where the CDN server reads the bucket directly. */
  readonly distributionId?: string;
  /** Called with the paths instead of invalidating when there is no distribution. */
  readonly onLocal?: (paths: readonly string[]) => void;
}

/** Creates the CloudFront invalidator. */
export function createCdnInvalidator({ client, distributionId, onLocal }: CdnInvalidatorOptions): CdnInvalidator {
  return {
    async invalidate(paths, callerReference) {
      if (paths.length === 0) return;
      if (!distributionId) {
        onLocal?.(paths);
        return;
      }
      await client.send(
        new CreateInvalidationCommand({
          DistributionId: distributionId,
          InvalidationBatch: {
            CallerReference: callerReference,
            Paths: { Quantity: paths.length, Items: paths.map((path) => encodeURI(path)) },
          },
        }),
      );
    },
  };
}
