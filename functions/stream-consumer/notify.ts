import type { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ArticleVersionRef } from '../../events/article-stream-record';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createTopicPublisher } from '../../shared/adapters/topic-publisher';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import type { PipelineMetrics } from '../../shared/runtime/pipeline-metrics';
import { traced } from '../../shared/runtime/tracing';
import { notifySubscribers } from '../../shared/use-cases/notify-subscribers';

/**
 * The alert job of the stream consumer: one subscriber alert per publication. A batch's alerts are sent side by
 * side: each is a different article's claim (a conditional write), and an older version of an article beside its
 * newer one finds the head moved on and is skipped. A failure throws, so the record is retried.
 */
export function createNotifyJob(dynamodb: DynamoDBDocumentClient, logger: Logger, metrics: PipelineMetrics) {
  const config = readRuntimeConfig(['tableName', 'alertsTopicArn', 'siteUrl']);
  const deps = {
    store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
    // One attempt, bounded: an SDK retry after a timeout could publish the alert twice.
    alerts: createTopicPublisher({
      client: traced(createSnsClient(process.env, { maxAttempts: 1, requestTimeoutMs: 5_000, newConnectionEachRequest: true })),
      topicArn: config.alertsTopicArn,
    }),
    siteUrl: config.siteUrl,
  };
  return async (ref: ArticleVersionRef): Promise<void> => {
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
  };
}
