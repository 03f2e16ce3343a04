import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { parseArticleStreamEntry } from '../../events/article-stream-record';
import { STREAM_CONSUMER_NAME } from '../../shared/adapters/article-stream-filters';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { createSqsClient } from '../../shared/config/clients/sqs-client';
import { createMetricsSink } from '../../shared/config/metrics-config';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { createPipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { traced, tracer } from '../../shared/runtime/tracing';
import { routeArticleStream } from '../../shared/use-cases/route-article-stream';
import { createNotifyJob } from './notify';
import { createRenderJob } from './render';

const config = readRuntimeConfig(['tableName', 'siteBucket', 'siteUrl', 'publication', 'invalidationQueueUrl', 'alertsTopicArn']);
const dynamodb = traced(createDynamoDbClient());
const logger = createLogger(STREAM_CONSUMER_NAME);
const metrics = createPipelineMetrics(STREAM_CONSUMER_NAME, createMetricsSink());
const routes = {
  render: createRenderJob({ config, dynamodb, s3: traced(createS3Client()), sqs: traced(createSqsClient()), logger, metrics }),
  // One attempt, bounded: an SDK retry after a timeout could publish the alert twice.
  notify: createNotifyJob({
    config,
    dynamodb,
    sns: traced(createSnsClient(process.env, { maxAttempts: 1, requestTimeoutMs: 5_000, newConnectionEachRequest: true })),
    logger,
    metrics,
  }),
};

/**
 * DynamoDB stream (article heads entering the render or the notify stage, on the bulk or the breaking-news
 * mapping) → the render of the batch's render-stage heads and the alerts of its notify-stage heads, side by side.
 * Failed records are reported as partial batch failures; a batch that failed whole throws (bisected on AWS).
 */
export const handler = middy(
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => ({
    batchItemFailures: (await routeArticleStream(routes, event.Records.map(parseArticleStreamEntry))).map((itemIdentifier) => ({
      itemIdentifier,
    })),
  }),
)
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
