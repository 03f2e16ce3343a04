import { ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { STAGES, type Stage } from '../domain/lifecycle';
import { keys } from './article-item';
import { STAGE_SINCE } from './article-store';

/** An article head that still has work in the pipeline. */
export interface UnfinishedHead {
  readonly id: string;
  readonly version: number;
  readonly stage: Stage;
  /** This version's write time. */
  readonly updatedAt: string;
  /** The scheduled time (for a scheduled head) or the first publication. */
  readonly publishedAt: string;
  /** When a transition last set the stage, if one did. */
  readonly stageSince?: string;
  /** The reconciler's last nudge of this version, if any. */
  readonly nudgedAt?: string;
  /** Nudges so far. */
  readonly nudges: number;
}

/** Options of {@link createPipelineHeads}. */
export interface PipelineHeadsOptions {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
}

/** The reconciler's view of the article table. */
export interface PipelineHeads {
  /** Every head whose stage is not `done`. */
  listUnfinished(): Promise<UnfinishedHead[]>;
  /**
   * Re-announces a head on the table's stream without changing its state
   * (it records the nudge), if it is still at `version` and `stage`, so the
   * stage's consumer runs again. False if it moved on.
   */
  nudge(id: string, version: number, stage: Stage, at: string): Promise<boolean>;
}

const UNFINISHED: readonly Stage[] = [STAGES.render, STAGES.notify, STAGES.alerting, STAGES.scheduled];

/**
 * Creates the adapter. Finding unfinished heads is a filtered, projected Scan
 * of the whole table: it runs every few minutes and reads every item once
 * (about 0.3 million read units a month per 10,000 items at a 15-minute
 * period); a sparse index on unfinished stages would make it proportional to
 * the stuck heads instead, once the table is large.
 */
export function createPipelineHeads({ client, tableName }: PipelineHeadsOptions): PipelineHeads {
  async function listUnfinished(): Promise<UnfinishedHead[]> {
    const heads: UnfinishedHead[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new ScanCommand({
          TableName: tableName,
          FilterExpression: `SK = :head AND #stage IN (${UNFINISHED.map((_, i) => `:s${i}`).join(', ')})`,
          ProjectionExpression: 'id, version, #stage, updatedAt, publishedAt, nudgedAt, nudges, #since',
          ExpressionAttributeNames: { '#stage': 'stage', '#since': STAGE_SINCE },
          ExpressionAttributeValues: { ':head': keys.head, ...Object.fromEntries(UNFINISHED.map((stage, i) => [`:s${i}`, stage])) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) {
        heads.push({
          id: String(item.id),
          version: Number(item.version),
          stage: item.stage as Stage,
          updatedAt: String(item.updatedAt),
          publishedAt: String(item.publishedAt),
          ...(typeof item[STAGE_SINCE] === 'string' ? { stageSince: item[STAGE_SINCE] } : {}),
          ...(typeof item.nudgedAt === 'string' ? { nudgedAt: item.nudgedAt } : {}),
          nudges: typeof item.nudges === 'number' ? item.nudges : 0,
        });
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return heads;
  }

  async function nudge(id: string, version: number, stage: Stage, at: string): Promise<boolean> {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { PK: keys.article(id), SK: keys.head },
          UpdateExpression: 'SET nudgedAt = :at, nudges = if_not_exists(nudges, :zero) + :one',
          ConditionExpression: '#version = :version AND #stage = :stage',
          ExpressionAttributeNames: { '#version': 'version', '#stage': 'stage' },
          ExpressionAttributeValues: { ':at': at, ':zero': 0, ':one': 1, ':version': version, ':stage': stage },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
  }

  return { listUnfinished, nudge };
}
