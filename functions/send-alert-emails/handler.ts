import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { emailBatchSchema } from '../../events/alert-payload';
import { createSendLedger } from '../../shared/adapters/send-ledger';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createEmailSenderFromConfig } from '../../shared/config/email-sender-config';
import { linkSecret, readSubscriberConfig } from '../../shared/config/subscriber-config';
import { createLogger } from '../../shared/runtime/logger';
import { sendEmailBatch } from '../../shared/use-cases/subscriptions/send-email-batch';

const config = readSubscriberConfig();
const logger = createLogger('send-alert-emails');
const deps = {
  ledger: createSendLedger({ client: createDynamoDbClient(), tableName: config.tableName }),
  sender: createEmailSenderFromConfig(config),
  secret: linkSecret(config),
  siteUrl: config.siteUrl,
  publication: config.publication,
  ratePerSecond: config.sendRatePerSecond,
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const batch = emailBatchSchema.parse(JSON.parse(record.body));
  const outcome = await sendEmailBatch(deps, batch);
  if (outcome.status === 'sent' && outcome.failures.length > 0) logger.error('recipients not certainly sent', { alertId: batch.alert.alertId, batchId: batch.batchId, failures: outcome.failures.length });
  logger.info('batch', { alertId: batch.alert.alertId, batchId: batch.batchId, status: outcome.status });
}

/** Email batch queue → one SES send per recipient, each (alert, batch) at most once. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context }),
).use(injectLambdaContext(logger));
