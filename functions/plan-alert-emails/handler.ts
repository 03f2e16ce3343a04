import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { alertPayloadSchema } from '../../events/alert-payload';
import { createBatchQueue } from '../../shared/adapters/batch-queue';
import { createPushSubscriptionStore } from '../../shared/adapters/push-subscription-store';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createSqsClient } from '../../shared/config/clients/sqs-client';
import { ConfigurationError } from '../../shared/config/runtime-config';
import { readSubscriberConfig } from '../../shared/config/subscriber-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { planAlertEmails, shareInterestPages } from '../../shared/use-cases/subscriptions/plan-alert-emails';

const config = readSubscriberConfig();
if (!config.emailBatchQueueUrl) throw new ConfigurationError('Invalid configuration: EMAIL_BATCH_QUEUE_URL is not set');
const logger = createLogger('plan-alert-emails');
const dynamodb = traced(createDynamoDbClient());
const deps = {
  store: createSubscriberStore({ client: dynamodb, tableName: config.tableName }),
  pushStore: createPushSubscriptionStore({ client: dynamodb, tableName: config.tableName }),
  queue: createBatchQueue({ client: traced(createSqsClient()), queueUrl: config.emailBatchQueueUrl }),
};
const processor = new BatchProcessor(EventType.SQS);

/** Alert queue (SNS alerts topic, raw delivery of the `sqs` form) → email and web-push batches on the batch queue. */
export const handler = middy(async (event: SQSEvent, context: Context) => {
  // The alerts of one invocation read each interest partition that fits a page once.
  const shared = shareInterestPages(deps);
  const processRecord = async (record: SQSRecord): Promise<void> => {
    const alert = alertPayloadSchema.parse(JSON.parse(record.body));
    logger.info('planned', { alertId: alert.alertId, ...(await planAlertEmails(shared, alert)) });
  };
  return processPartialResponse(event, processRecord, processor, { context });
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
