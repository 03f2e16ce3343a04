import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { parseArticleStreamRecord } from '../../events/article-stream-record';
import { createArticleLists } from '../../shared/adapters/article-lists';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createCdnInvalidator } from '../../shared/adapters/cdn-invalidator';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { createCloudFrontClient } from '../../shared/config/clients/cloudfront-client';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { createS3Client } from '../../shared/config/clients/s3-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { renderSite } from '../../shared/use-cases/render-site';

const config = readRuntimeConfig(['tableName', 'siteBucket', 'siteUrl', 'publication']);
const dynamodb = createDynamoDbClient();
const logger = createLogger('render-site');
const deps = {
  store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
  lists: createArticleLists({ client: dynamodb, tableName: config.tableName }),
  site: createSiteBucket({ client: createS3Client(), bucket: config.siteBucket }),
  cdn: createCdnInvalidator({
    client: createCloudFrontClient(),
    distributionId: config.distributionId,
    onLocal: (paths) => logger.info('invalidation (local, no distribution)', { paths }),
  }),
  siteConfig: { baseUrl: config.siteUrl, publication: config.publication },
};
const processor = new BatchProcessor(EventType.DynamoDBStreams);

async function processRecord(record: DynamoDBRecord): Promise<void> {
  const ref = parseArticleStreamRecord(record);
  logger.info('render', { ...ref, outcome: await renderSite(deps, ref) });
}

/** DynamoDB stream (article heads entering the render stage) → render the changed pages. */
export const handler = middy(async (event: DynamoDBStreamEvent, context: Context) =>
  processPartialResponse(event, processRecord, processor, { context, processInParallel: false }),
).use(injectLambdaContext(logger));
