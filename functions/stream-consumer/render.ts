import type { Logger } from '@aws-lambda-powertools/logger';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import { createArticleLists } from '../../shared/adapters/article-lists';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createInvalidationQueue } from '../../shared/adapters/invalidation-queue';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { type RuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import type { PipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { staticFilesOnce } from '../../shared/use-cases/render-pages';
import { renderSiteBatch } from '../../shared/use-cases/render-site';

/** What the render job is built from: the handler's settings, clients, logger and metrics. */
export interface RenderJobOptions {
  readonly config: Required<Pick<RuntimeConfig, 'tableName' | 'siteBucket' | 'siteUrl' | 'publication' | 'invalidationQueueUrl'>> &
    Pick<RuntimeConfig, 'sections'>;
  readonly dynamodb: DynamoDBDocumentClient;
  readonly s3: S3Client;
  readonly sqs: SQSClient;
  readonly logger: Logger;
  readonly metrics: PipelineMetrics;
}

/**
 * The render job of the stream consumer: the pages a batch of article versions changes, rendered once. A failure
 * throws, so the batch's render records are retried (and finally sent to the on-failure destination).
 */
export function createRenderJob({ config, dynamodb, s3, sqs, logger, metrics }: RenderJobOptions) {
  const site = createSiteBucket({ client: s3, bucket: config.siteBucket });
  const siteConfig = siteConfigOf(config);
  const deps = {
    store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
    lists: createArticleLists({ client: dynamodb, tableName: config.tableName }),
    site,
    cdn: createInvalidationQueue({ client: sqs, queueUrl: config.invalidationQueueUrl }),
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
