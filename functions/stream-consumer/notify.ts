import type { Logger } from '@aws-lambda-powertools/logger';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleStreamEntry } from '../../events/article-stream-record';
import { headFromStreamImage } from '../../shared/adapters/article-item';
import { createArticleStore } from '../../shared/adapters/article-store';
import { withBatchedContents } from '../../shared/adapters/batched-contents';
import { createTopicPublisher } from '../../shared/adapters/topic-publisher';
import type { RuntimeConfig } from '../../shared/config/runtime-config';
import type { PipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { notifySubscribers } from '../../shared/use-cases/notify-subscribers';

/** What the alert job is built from: the handler's settings, clients, logger and metrics. */
export interface NotifyJobOptions {
  readonly config: Required<Pick<RuntimeConfig, 'tableName' | 'alertsTopicArn' | 'siteUrl'>>;
  readonly dynamodb: DynamoDBDocumentClient;
  /** Makes one bounded attempt per publish: a retry after a timeout could publish the alert twice. */
  readonly sns: SNSClient;
  readonly logger: Logger;
  readonly metrics: PipelineMetrics;
}

/**
 * The alert job of the stream consumer: one subscriber alert per publication. A batch's alerts are sent side by
 * side: each is a different article's claim (a conditional write), and an older version of an article beside its
 * newer one finds the head moved on and is skipped. A failure throws, so the record is retried.
 */
export function createNotifyJob({ config, dynamodb, sns, logger, metrics }: NotifyJobOptions) {
  const deps = {
    store: withBatchedContents(createArticleStore({ client: dynamodb, tableName: config.tableName })),
    alerts: createTopicPublisher({ client: sns, topicArn: config.alertsTopicArn }),
    siteUrl: config.siteUrl,
  };
  return async ({ ref, image }: ArticleStreamEntry): Promise<void> => {
    const articles = `${ref.id}@${ref.version}`;
    try {
      const { outcome, reason } = await notifySubscribers(deps, ref, headFromStreamImage(image));
      if (outcome === 'in-doubt') {
        logger.error('alert in doubt: resolve with newsroom alerts', { ...ref, reason });
        metrics.record('alert-in-doubt', { articles, outcome }, { alertsInDoubt: 1 });
      } else logger.info('notify', { ...ref, outcome });
      if (outcome === 'sent') metrics.record('alerted', { articles, outcome }, { alertsSent: 1 });
    } catch (error) {
      metrics.record('alert-failed', { articles }, { alertsFailed: 1 });
      throw error;
    }
  };
}
