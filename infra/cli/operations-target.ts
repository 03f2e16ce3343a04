import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStore } from '../../shared/adapters/article-store';
import type { ArticleQueries } from '../../shared/ports/article-store';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { type LocalPaths, localPaths } from '../local/local-paths';
import { type MilestoneRecord, readLocalMilestones, readStageMilestones } from './milestone-records';
import { stageTableName } from './stage-resources';
import { localQueues, stageQueues, type StatusSources } from './status-command';

/** What `newsroom status` and `newsroom timeline` read: the table, the queues and the recorded milestones. */
export interface OperationsTarget {
  readonly table: ArticleQueries;
  readonly queues: StatusSources['queues'];
  /** Milestones mentioning any of `terms` (article id, draft key). */
  milestones(terms: readonly string[]): Promise<MilestoneRecord[]>;
}

/** The local stack whose state lives under `paths` (`NEWSROOM_HOME`), read through its endpoints. */
export async function localOperationsTarget(paths: LocalPaths = localPaths()): Promise<OperationsTarget> {
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: endpoints.dynamodb, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  );
  return {
    table: createArticleStore({ client, tableName: endpoints.tableName }),
    queues: localQueues({ IntakeDeadLetter: paths.deadLetters, StreamFailures: paths.streamFailures }),
    milestones: () => readLocalMilestones(paths.metricsFile),
  };
}

/** A deployed stage, found from its stacks' resources with the caller's AWS credentials. */
export async function stageOperationsTarget(stage: string): Promise<OperationsTarget> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  const since = new Date(Date.now() - 30 * 24 * 3600_000);
  return {
    table: createArticleStore({ client, tableName: await stageTableName(stage) }),
    queues: stageQueues(stage),
    milestones: (terms) => readStageMilestones(stage, terms, since),
  };
}
