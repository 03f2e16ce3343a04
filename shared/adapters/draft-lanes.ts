import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DraftLanes } from '../ports/draft-lanes';
import { createBatchQueue } from './batch-queue';

/** The lanes as two SQS queues, written with `SendMessageBatch`. */
export function createDraftLanes({
  client,
  priorityQueueUrl,
  bulkQueueUrl,
}: {
  client: SQSClient;
  priorityQueueUrl: string;
  bulkQueueUrl: string;
}): DraftLanes {
  const queues = {
    priority: createBatchQueue({ client, queueUrl: priorityQueueUrl }),
    bulk: createBatchQueue({ client, queueUrl: bulkQueueUrl }),
  };
  return {
    async send(lane, bodies) {
      if (bodies.length > 0) await queues[lane].sendAll(bodies);
    },
  };
}
