import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { publishScheduleInputSchema } from '../../events/publish-schedule';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { publishScheduled } from '../../shared/use-cases/publish-scheduled';

const config = readRuntimeConfig(['tableName']);
const dynamodb = traced(createDynamoDbClient());
const logger = createLogger('publish-scheduled');
const deps = {
  store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
  related: createRelatedIndex({ client: dynamodb, tableName: config.tableName }),
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const ref = publishScheduleInputSchema.parse(JSON.parse(record.body));
  logger.info('publish-scheduled', { ...ref, outcome: await publishScheduled(deps, ref) });
}

/**
 * The publish queue (EventBridge Scheduler sends each one-time schedule's
 * Input, `{id, version}`, there) → the scheduled version goes live. A
 * malformed message or a failed write fails only that message: the queue
 * retries it and finally moves it to its dead-letter queue.
 */
export const handler = middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, processRecord, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
