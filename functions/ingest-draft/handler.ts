import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { decodeS3Key, s3NotificationMessageSchema } from '../../events/s3-notification';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createDraftBucket } from '../../shared/adapters/draft-bucket';
import { createPublishScheduler } from '../../shared/adapters/publish-scheduler';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { createTopicPublisher } from '../../shared/adapters/topic-publisher';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { createSchedulerClient, readPublishSchedulingConfig } from '../../shared/config/clients/scheduler-client';
import { createSnsClient } from '../../shared/config/clients/sns-client';
import { readRuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import { createTakeawayProvider } from '../../shared/config/takeaways-config';
import { createMetricsSink } from '../../shared/config/metrics-config';
import { createLogger } from '../../shared/runtime/logger';
import { createPipelineMetrics, outcomeMetric } from '../../shared/runtime/pipeline-metrics';
import { traced, tracer } from '../../shared/runtime/tracing';
import { coalescedReads } from '../../shared/use-cases/coalesced-reads';
import { handleDraftEvent } from '../../shared/use-cases/ingest-draft';

const config = readRuntimeConfig(['tableName', 'draftsBucket', 'siteBucket', 'editorsTopicArn', 'siteUrl', 'publication']);
const s3 = traced(createS3Client());
const dynamodb = traced(createDynamoDbClient());
const logger = createLogger('ingest-draft');
const metrics = createPipelineMetrics('ingest-draft', createMetricsSink());
const related = createRelatedIndex({ client: dynamodb, tableName: config.tableName });
const deps = {
  drafts: createDraftBucket({ client: s3, bucket: config.draftsBucket }),
  site: createSiteBucket({ client: s3, bucket: config.siteBucket }),
  siteConfig: siteConfigOf(config),
  store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
  related,
  // The drafts of a batch are ingested in parallel: their identical retrieval reads in flight are sent once.
  relatedReads: coalescedReads(related),
  scheduler: createPublishScheduler({ client: traced(createSchedulerClient()), ...readPublishSchedulingConfig() }),
  editors: createTopicPublisher({ client: traced(createSnsClient()), topicArn: config.editorsTopicArn }),
  siteUrl: config.siteUrl,
  takeaways: await createTakeawayProvider(),
  log: (line: string, detail?: Record<string, unknown>) => logger.info(line, { ...detail }),
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const message = s3NotificationMessageSchema.parse(JSON.parse(record.body));
  if (!('Records' in message)) return;
  for (const s3Record of message.Records) {
    const event = {
      key: decodeS3Key(s3Record.s3.object.key),
      removed: s3Record.eventName.startsWith('ObjectRemoved'),
      savedAt: s3Record.eventTime,
    };
    let storedAt: Date | undefined;
    const outcome = await handleDraftEvent({ ...deps, onStored: () => (storedAt = new Date()) }, event);
    logger.info('draft event', { ...event, outcome });
    const counted = outcomeMetric(outcome);
    // Stamped when the version was stored, not when the follow-up work ended, so the timeline shows it before its render.
    metrics.record('ingested', { draftKey: event.key, savedAt: event.savedAt, outcome }, counted ? { [counted]: 1 } : {}, storedAt);
  }
}

/** SQS (intake queue of S3 draft notifications) → one use case per draft event; reports partial batch failures. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }),
)
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
