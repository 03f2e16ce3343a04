import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import dynoItemSize from 'dyno-item-size';
import { HEAD_SORT_KEY } from '../../events/names';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { quantile } from './stats';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;

/** The kind of an article-table item by its keys: an article's head, a version snapshot or another article item, else its partition prefix. */
function kindOf(item: Record<string, unknown>): string {
  const prefix = String(item.PK).split('#')[0];
  if (prefix !== 'ARTICLE') return prefix ?? '?';
  if (item.SK === HEAD_SORT_KEY) return 'article head';
  return String(item.SK).startsWith('V#') ? 'article version' : `article ${String(item.SK).split('#')[0]}`;
}

/**
 * One line: the sizes DynamoDB counts for the article table's items after a burst (median and largest by kind,
 * heads and versions apart), and the head's largest attributes (median bytes, name included): what every lifecycle
 * update of a head rewrites, and is billed for (1 WCU per KB of the larger of the item before and after, and the
 * same again for the published index's copy).
 */
export async function describeItemSizes(endpoint: string, tableName: string): Promise<string> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }));
  const sizes = new Map<string, number[]>();
  const headFields = new Map<string, number[]>();
  try {
    for await (const page of paginateScan({ client }, { TableName: tableName })) {
      for (const item of page.Items ?? []) {
        const kind = kindOf(item);
        sizes.set(kind, [...(sizes.get(kind) ?? []), dynoItemSize(item)]);
        if (kind !== 'article head') continue;
        for (const [field, value] of Object.entries(item))
          headFields.set(field, [...(headFields.get(field) ?? []), dynoItemSize({ [field]: value })]);
      }
    }
  } finally {
    client.destroy();
  }
  const kinds = [...sizes]
    .filter(([kind]) => kind.startsWith('article'))
    .map(([kind, values]) => `${kind} ${values.length} items, median ${kb(quantile(values, 0.5))}, largest ${kb(Math.max(...values))}`);
  const fields = [...headFields]
    .map(([field, values]) => [field, quantile(values, 0.5)] as const)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([field, bytes]) => `${field} ${bytes} B`);
  return `${kinds.join('; ')}; a head's largest attributes (median): ${fields.join(', ')}`;
}
