import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { publishScheduleInputSchema } from '../../events/publish-schedule';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { publishScheduled, type PublishScheduledOutcome } from '../../shared/use-cases/publish-scheduled';

const config = readRuntimeConfig(['tableName']);
const dynamodb = createDynamoDbClient();
const logger = createLogger('publish-scheduled');
const deps = {
  store: createArticleStore({ client: dynamodb, tableName: config.tableName }),
  related: createRelatedIndex({ client: dynamodb, tableName: config.tableName }),
};

/**
 * EventBridge Scheduler (a one-time publish schedule; the event is the
 * schedule's Input, `{id, version}`) → the scheduled version goes live.
 * A malformed event or a failed write throws: Scheduler invokes the function
 * asynchronously, so Lambda retries it and then sends it to the failure queue.
 */
export const handler = middy(async (event: unknown, _context: Context): Promise<{ outcome: PublishScheduledOutcome }> => {
  const ref = publishScheduleInputSchema.parse(event);
  const outcome = await publishScheduled(deps, ref);
  logger.info('publish-scheduled', { ...ref, outcome });
  return { outcome };
}).use(injectLambdaContext(logger));
