import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { alertBatchSchema } from '../../events/alert-payload';
import { createPushSubscriptionStore } from '../../shared/adapters/push-subscription-store';
import { createWebPushSender } from '../../shared/adapters/web-push-sender';
import { createSendLedger } from '../../shared/adapters/send-ledger';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createEmailSenderFromConfig } from '../../shared/config/email-sender-config';
import { linkSecret, readSubscriberConfig, vapidKeys } from '../../shared/config/subscriber-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { sendEmailBatch } from '../../shared/use-cases/subscriptions/send-email-batch';
import { sendPushBatch } from '../../shared/use-cases/subscriptions/send-push-batch';

const config = readSubscriberConfig();
const logger = createLogger('send-alert-emails');
const dynamodb = traced(createDynamoDbClient());
const ledger = createSendLedger({ client: dynamodb, tableName: config.tableName });
const vapid = vapidKeys(config);
const push = vapid && {
  ledger,
  sender: createWebPushSender(vapid),
  store: createPushSubscriptionStore({ client: dynamodb, tableName: config.tableName }),
};
const deps = {
  ledger,
  sender: createEmailSenderFromConfig(config),
  secret: linkSecret(config),
  siteUrl: config.siteUrl,
  publication: config.publication,
  ratePerSecond: config.sendRatePerSecond,
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const batch = alertBatchSchema.parse(JSON.parse(record.body));
  if ('kind' in batch && !push) throw new Error('A web-push batch arrived but VAPID keys are not configured');
  const outcome = 'kind' in batch ? await sendPushBatch(push!, batch) : await sendEmailBatch(deps, batch);
  if (outcome.status === 'sent' && outcome.failures.length > 0)
    logger.error('recipients not certainly sent', { alertId: batch.alert.alertId, batchId: batch.batchId, failures: outcome.failures.length });
  logger.info('batch', { alertId: batch.alert.alertId, batchId: batch.batchId, status: outcome.status });
}

/** Batch queue → one SES send per email recipient, one encrypted push per browser; each recipient at most once. */
export const handler = middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, processRecord, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
