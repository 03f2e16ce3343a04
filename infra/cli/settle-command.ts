import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { settleRelated, type SettleReport } from '../../shared/use-cases/related-articles';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import type { RecoveryTarget } from './recovery-commands';

/**
 * `newsroom settle`: the related-links settle pass over the local table, as
 * the reconciler runs it on AWS: articles recorded with fewer than three
 * related links get fresh lists (close matches, then recent stories of their
 * section) and re-render; nothing else is touched.
 */
export async function settleLocal(target: Pick<RecoveryTarget, 'dynamodbEndpoint' | 'tableName'>, limit?: number): Promise<SettleReport> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: target.dynamodbEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const table = { client, tableName: target.tableName };
  return settleRelated({ index: createRelatedIndex(table), store: createArticleStore(table) }, { limit });
}

/** One line for the terminal. */
export function describeSettle(report: SettleReport): string {
  return `Settle pass: ${report.examined} short related lists examined, ${report.refreshed.length} refreshed${
    report.refreshed.length > 0 ? ` (${report.refreshed.join(', ')})` : ''
  }.`;
}
