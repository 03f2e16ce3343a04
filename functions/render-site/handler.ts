import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { parseArticleStreamRecord } from '../../events/article-stream-record';
import { createArticleLists } from '../../shared/adapters/article-lists';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createInvalidationQueue } from '../../shared/adapters/invalidation-queue';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { createSqsClient } from '../../shared/config/clients/sqs-client';
import { readRuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import { createMetricsSink } from '../../shared/config/metrics-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { createPipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { staticFilesOnce } from '../../shared/use-cases/render-pages';
import { renderSiteBatch } from '../../shared/use-cases/render-site';

const config = readRuntimeConfig(['tableName', 'siteBucket', 'siteUrl', 'publication', 'invalidationQueueUrl']);
const dynamodb = traced(createDynamoDbClient());
const logger = createLogger('render-site');
const metrics = createPipelineMetrics('render-site', createMetricsSink());
const site = createSiteBucket({ client: traced(createS3Client()), bucket: config.siteBucket });
const siteConfig = siteConfigOf(config);
const deps = {
  store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
  lists: createArticleLists({ client: dynamodb, tableName: config.tableName }),
  site,
  cdn: createInvalidationQueue({ client: traced(createSqsClient()), queueUrl: config.invalidationQueueUrl }),
  siteConfig,
  writeStaticFiles: staticFilesOnce(site, siteConfig),
};

/**
 * DynamoDB stream (article heads entering the render stage) → the pages the
 * whole batch changes, rendered once. A failure throws: the batch is retried
 * (bisected on AWS) and finally sent to the on-failure destination.
 */
export const handler = middy(async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const refs = event.Records.map(parseArticleStreamRecord);
  const report = await renderSiteBatch(deps, refs);
  logger.info('render', { refs, outcome: report.outcome, pages: report.pages.length, invalidated: report.invalidated });
  if (report.outcome === 'rendered') {
    const articles = refs.map((ref) => `${ref.id}@${ref.version}`).join(',');
    metrics.record('rendered', { articles }, { pagesWritten: report.written.length, dropToLive: report.dropToLiveMs });
    if (report.invalidated.length > 0) metrics.record('invalidated', { articles }, { pathsInvalidated: report.invalidated.length });
  }
  return { batchItemFailures: [] };
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
