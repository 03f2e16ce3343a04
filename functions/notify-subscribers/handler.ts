import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseArticleStreamRecord } from '../../events/article-stream-record';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createTopicPublisher } from '../../shared/adapters/topic-publisher';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createMetricsSink } from '../../shared/config/metrics-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { createPipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { notifySubscribers } from '../../shared/use-cases/notify-subscribers';

const config = readRuntimeConfig(['tableName', 'alertsTopicArn', 'siteUrl']);
const logger = createLogger('notify-subscribers');
const metrics = createPipelineMetrics('notify-subscribers', createMetricsSink());
const deps = {
  store: createArticleStore({ client: traced(createDynamoDbClient()), tableName: config.tableName }),
  // One attempt, bounded: an SDK retry after a timeout could publish the alert twice.
  alerts: createTopicPublisher({
    client: traced(createSnsClient(process.env, { maxAttempts: 1, requestTimeoutMs: 5_000, newConnectionEachRequest: true })),
    topicArn: config.alertsTopicArn,
  }),
  siteUrl: config.siteUrl,
};
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const ref = parseArticleStreamRecord(record);
  const articles = `${ref.id}@${ref.version}`;
  try {
    const { outcome, reason } = await notifySubscribers(deps, ref);
    if (outcome === 'in-doubt') {
      logger.error('alert in doubt: resolve with newsroom alerts', { ...ref, reason });
      metrics.record('alert-in-doubt', { articles, outcome }, { alertsInDoubt: 1 });
    } else logger.info('notify', { ...ref, outcome });
    if (outcome === 'sent') metrics.record('alerted', { articles, outcome }, { alertsSent: 1 });
  } catch (error) {
    metrics.record('alert-failed', { articles }, { alertsFailed: 1 });
    throw error;
  }
}

/**
 * DynamoDB stream (article heads entering the notify stage) → one subscriber alert per publication. A batch's records
 * are sent side by side: each is a different article's claim (a conditional write), and an older version of an
 * article beside its newer one finds the head moved on and is skipped, so order within a batch changes nothing.
 */
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, processInParallel: true }),
)
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
