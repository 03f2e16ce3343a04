import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { invalidationRequestSchema } from '../../events/invalidation-request';
import { createCdnInvalidator } from '../../shared/adapters/cdn-invalidator';
import { createCloudFrontClient } from '../../shared/config/clients/cloudfront-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';

const config = readRuntimeConfig(['distributionId']);
const logger = createLogger('invalidate-cdn');
const cdn = createCdnInvalidator({ client: traced(createCloudFrontClient()), distributionId: config.distributionId });
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const { paths } = invalidationRequestSchema.parse(JSON.parse(record.body));
  await cdn.invalidate(paths);
  logger.info('invalidated', { paths });
}

/**
 * Invalidation queue → one CloudFront invalidation per request. A refusal
 * (`TooManyInvalidationsInProgress`, throttling) fails only that message: the
 * queue retries it after its visibility timeout and finally dead-letters it,
 * where an alarm reports it; the article it belongs to is already done.
 */
export const handler = middy(async (event: SQSEvent, context: Context) => processPartialResponse(event, processRecord, processor, { context }))
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
