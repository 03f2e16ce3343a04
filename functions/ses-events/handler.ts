import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { sesEventSchema } from '../../events/ses-event';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { linkSecret, readSubscriberConfig } from '../../shared/config/subscriber-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { suppressUndeliverable } from '../../shared/use-cases/subscriptions/suppress-undeliverable';

const config = readSubscriberConfig();
const logger = createLogger('ses-events');
const deps = {
  store: createSubscriberStore({ client: traced(createDynamoDbClient()), tableName: config.tableName }),
  secret: linkSecret(config),
  now: () => new Date(),
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const suppressed = await suppressUndeliverable(deps, sesEventSchema.parse(JSON.parse(record.body)));
  if (suppressed.length > 0) logger.info('suppressed', { count: suppressed.length });
}

/** SES event destination (SNS → SQS, raw) → permanent bounces and complaints suppress the address. */
export const handler = middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, processRecord, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
