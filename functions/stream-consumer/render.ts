import type { ArticleVersionRef } from '../../events/article-stream-record';
import { createArticleLists } from '../../shared/adapters/article-lists';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createInvalidationQueue } from '../../shared/adapters/invalidation-queue';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { createSqsClient } from '../../shared/config/clients/sqs-client';
import { readRuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import type { Logger } from '@aws-lambda-powertools/logger';
import { traced } from '../../shared/runtime/tracing';
import type { PipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { staticFilesOnce } from '../../shared/use-cases/render-pages';
import { renderSiteBatch } from '../../shared/use-cases/render-site';

/**
 * The render job of the stream consumer: the pages a batch of article versions changes, rendered once. A failure
 * throws, so the batch's render records are retried (and finally sent to the on-failure destination).
 */
export function createRenderJob(dynamodb: DynamoDBDocumentClient, logger: Logger, metrics: PipelineMetrics) {
  const config = readRuntimeConfig(['tableName', 'siteBucket', 'siteUrl', 'publication', 'invalidationQueueUrl']);
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
  return async (refs: readonly ArticleVersionRef[]): Promise<void> => {
    const report = await renderSiteBatch(deps, refs);
    logger.info('render', { refs, outcome: report.outcome, pages: report.pages.length, invalidated: report.invalidated });
    if (report.outcome !== 'rendered') return;
    const articles = refs.map((ref) => `${ref.id}@${ref.version}`).join(',');
    metrics.record('rendered', { articles }, { pagesWritten: report.written.length, dropToLive: report.dropToLiveMs });
    if (report.invalidated.length > 0) metrics.record('invalidated', { articles }, { pathsInvalidated: report.invalidated.length });
  };
}
