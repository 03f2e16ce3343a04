import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { createDynamoDbClient } from '../../shared/config/clients/dynamodb-client';
import { readRuntimeConfig } from '../../shared/config/runtime-config';
import { createLogger } from '../../shared/runtime/logger';
import { traced, tracer } from '../../shared/runtime/tracing';
import { chunkSpecifier, PUBLISH_SCHEDULED_CHUNK } from '../../shared/config/lazy-chunks';
import type { PublishScheduleInput } from '../../events/publish-schedule';
import { reconcilePipeline, StuckHeadsError, type ReconcileReport } from '../../shared/use-cases/reconcile-pipeline';
import { settleRelated } from '../../shared/use-cases/settle-related';

const config = readRuntimeConfig(['tableName']);
const dynamodb = traced(createDynamoDbClient());
const logger = createLogger('reconcile-pipeline');
const table = { client: dynamodb, tableName: config.tableName };
const store = createArticleStore(table);
const publishDeps = { store, related: createRelatedIndex(table) };
// The publish path (Markdown terms, related ranking) loads only when a pass meets a head its schedule missed.
const loadPublishScheduled = (): Promise<typeof import('../../shared/use-cases/publish-scheduled')> =>
  import(chunkSpecifier(PUBLISH_SCHEDULED_CHUNK, '../../shared/use-cases/publish-scheduled'));
const deps = {
  heads: store,
  publishDue: async (ref: PublishScheduleInput) => (await loadPublishScheduled()).publishScheduled(publishDeps, ref),
};

/**
 * A schedule (every few minutes) → one reconcile pass. Heads still stuck
 * after every nudge, and alerts in doubt, make the run fail, so the error
 * alarm reaches operators.
 */
export const handler = middy(async (): Promise<ReconcileReport> => {
  const report = await reconcilePipeline(deps);
  logger.info('reconcile', { ...report });
  // The related-links settle pass: short lists left behind by a burst catch up here, bounded per run.
  const settled = await settleRelated({ index: publishDeps.related, store: publishDeps.store });
  logger.info('settle related', { examined: settled.examined, refreshed: settled.refreshed.length });
  if (report.givenUp.length > 0) throw new StuckHeadsError(`Stuck after every nudge: ${report.givenUp.join(', ')}`);
  if (report.inDoubt.length > 0) throw new StuckHeadsError(`Alerts in doubt (resolve with newsroom alerts): ${report.inDoubt.join(', ')}`);
  return report;
})
  .use(injectLambdaContext(logger))
  .use(captureLambdaHandler(tracer));
