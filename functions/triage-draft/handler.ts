import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { decodeS3Key, s3NotificationMessageSchema } from '../../events/s3-notification';
import { createDraftBucket } from '../../shared/adapters/draft-bucket';
import { createDraftLanes } from '../../shared/adapters/draft-lanes';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { createSqsClient } from '../../shared/config/clients/sqs-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { type IntakeMessage, triageDrafts } from '../../shared/use-cases/triage-drafts';

const config = readRuntimeConfig(['draftsBucket', 'priorityQueueUrl', 'bulkQueueUrl']);
const logger = createLogger('triage-draft');
const deps = {
  drafts: createDraftBucket({ client: traced(createS3Client()), bucket: config.draftsBucket }),
  lanes: createDraftLanes({ client: traced(createSqsClient()), priorityQueueUrl: config.priorityQueueUrl, bulkQueueUrl: config.bulkQueueUrl }),
};

function intakeMessage(id: string, body: string): IntakeMessage {
  const message = s3NotificationMessageSchema.parse(JSON.parse(body));
  const events =
    'Records' in message
      ? message.Records.map((record) => ({ key: decodeS3Key(record.s3.object.key), removed: record.eventName.startsWith('ObjectRemoved') }))
      : [];
  return { id, body, events };
}

/** SQS (intake queue of S3 draft notifications) → the priority queue (breaking drafts) or the bulk queue; partial batch failures. */
export const handler = middy(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  const messages: IntakeMessage[] = [];
  const unreadable: string[] = [];
  for (const record of event.Records) {
    try {
      messages.push(intakeMessage(record.messageId, record.body));
    } catch (error) {
      logger.error('unreadable intake message', { messageId: record.messageId, error: String(error) });
      unreadable.push(record.messageId);
    }
  }
  const result = await triageDrafts(deps, messages);
  for (const [id, lane] of result.lanes) if (lane === 'priority') logger.info('breaking draft on the priority lane', { messageId: id });
  return { batchItemFailures: [...unreadable, ...result.failed].map((itemIdentifier) => ({ itemIdentifier })) };
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
