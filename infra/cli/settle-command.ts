import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { settleRelated, type SettleReport } from '../../shared/use-cases/settle-related';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import type { RecoveryTarget } from './recovery-commands';

/** Where the settle pass reads and writes: the article table of a stack. */
export type SettleTable = RecoveryTarget['table'];

/**
 * `newsroom settle`: the related-links settle pass over the local table, as
 * the reconciler runs it on AWS: articles recorded with fewer than three
 * related links get fresh lists (close matches, then recent stories of their
 * section) and re-render; nothing else is touched.
 */
export async function settleLocal(table: SettleTable, limit?: number, section?: string): Promise<SettleReport> {
  return settleRelated({ index: createRelatedIndex(table), store: createArticleStore(table) }, { limit, section });
}

/** The article table of a local stack, by its DynamoDB Local endpoint. */
export function localArticleTable(dynamodbEndpoint: string, tableName: string): SettleTable {
  const raw = new DynamoDBClient({ endpoint: dynamodbEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  return { client: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }), tableName };
}

/** One line for the terminal. */
export function describeSettle(report: SettleReport): string {
  return `Settle pass: ${report.examined} short related lists examined, ${report.refreshed.length} refreshed${
    report.refreshed.length > 0 ? ` (${report.refreshed.join(', ')})` : ''
  }.`;
}
