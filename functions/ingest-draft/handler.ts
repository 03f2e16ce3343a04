import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import { decodeS3Key, s3NotificationMessageSchema } from '../../events/s3-notification';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createDraftBucket } from '../../shared/adapters/draft-bucket';
import { createTopicPublisher } from '../../shared/adapters/topic-publisher';
import { createAwsClients } from '../../shared/config/aws-clients';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { ingestDraft } from '../../shared/use-cases/ingest-draft';

const config = readRuntimeConfig(['tableName', 'draftsBucket', 'editorsTopicArn', 'siteUrl']);
const clients = createAwsClients();
const logger = createLogger('ingest-draft');
const deps = {
  drafts: createDraftBucket({ client: clients.s3, bucket: config.draftsBucket }),
  store: createArticleStore({ client: clients.dynamodb, tableName: config.tableName }),
  editors: createTopicPublisher({ client: clients.sns, topicArn: config.editorsTopicArn }),
  siteUrl: config.siteUrl,
  log: (line: string, detail?: Record<string, unknown>) => logger.info(line, { ...detail }),
};
const processor = new BatchProcessor(EventType.SQS);

async function processRecord(record: SQSRecord): Promise<void> {
  const message = s3NotificationMessageSchema.parse(JSON.parse(record.body));
  if (!('Records' in message)) return;
  for (const s3Record of message.Records) {
    const key = decodeS3Key(s3Record.s3.object.key);
    const outcome = await ingestDraft(deps, key);
    logger.info('draft ingested', { key, outcome, eventName: s3Record.eventName });
  }
}

/** SQS (intake queue of S3 draft notifications) → one use case per draft; reports partial batch failures. */
export const handler = middy(async (event: SQSEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, throwOnFullBatchFailure: false }),
).use(injectLambdaContext(logger));
