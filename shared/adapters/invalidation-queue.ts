import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { InvalidationRequest } from '../../events/invalidation-request';
import type { CdnInvalidator } from '../ports/cdn-invalidator';

/** Options of {@link createInvalidationQueue}. */
export interface InvalidationQueueOptions {
  readonly client: SQSClient;
  readonly queueUrl: string;
}

/**
 * A {@link CdnInvalidator} that only queues the request: the invalidate-cdn
 * function sends it to CloudFront and retries it on its own (then its
 * dead-letter queue), so CloudFront refusing or failing an invalidation never
 * holds the render stage.
 */
export function createInvalidationQueue({ client, queueUrl }: InvalidationQueueOptions): CdnInvalidator {
  return {
    async invalidate(paths) {
      if (paths.length === 0) return;
      const request: InvalidationRequest = { paths: [...paths] };
      await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(request) }));
    },
  };
}
