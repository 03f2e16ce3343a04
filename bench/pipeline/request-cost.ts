import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { ensureArticleTable } from '../../infra/local/provision';
import { cpuSecondsOf, ownCpuSeconds } from './process-cpu';

/** CPU milliseconds one request costs DynamoDB Local's JVM and this process (the SDK's side). */
export interface RequestCost {
  readonly request: string;
  readonly jvmMs: number;
  readonly nodeMs: number;
}

/** How long the stack's background CPU use is sampled before the requests. */
const IDLE_SAMPLE_MS = 2000;

/** A related-index record of ~1 KB as the index stores it: 30 query terms with their frequency and weight, in one JSON string. */
const record = (id: string) => ({
  id,
  slug: `a-story-slug-${id}`,
  title: 'A headline of the usual length for a story in the corpus',
  section: 'business',
  tags: ['markets', 'energy'],
  language: 'en',
  publishedAt: '2026-01-01T00:00:00.000Z',
  status: 'published',
  len: 512,
  t: JSON.stringify(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`term${i}stem`, [3, 2.345]]))),
  self: 12.34,
});

/**
 * What single requests cost the stand-in, measured on a scratch table of the
 * stack's own DynamoDB Local once the burst is over: the CPU time the JVM
 * (found by `jvmMarker` in its command line) and this process use per
 * request, over `rounds` rounds of two requests in parallel, less what the
 * stack uses meanwhile without them (its pollers). Explains the CPU per
 * publish: requests per publish times these.
 */
export async function measureRequestCosts(endpoint: string, jvmMarker: string, rounds = 100): Promise<RequestCost[]> {
  const raw = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const client = DynamoDBDocumentClient.from(raw);
  const TableName = `request-cost-${Date.now()}`;
  await ensureArticleTable(raw, TableName);
  for (let start = 0; start < 100; start += 25) {
    const items = Array.from({ length: 25 }, (_, i) => ({
      PutRequest: { Item: { PK: 'P', SK: String(start + i).padStart(4, '0'), ...record(`r${start + i}`) } },
    }));
    await client.send(new BatchWriteCommand({ RequestItems: { [TableName]: items } }));
  }
  // An article head of ~6 KB (body included), as the lifecycle updates rewrite it.
  await client.send(
    new UpdateCommand({
      TableName,
      Key: { PK: 'HEAD', SK: 'H' },
      UpdateExpression: 'SET body = :body, stage = :s',
      ExpressionAttributeValues: { ':body': 'x'.repeat(6000), ':s': 'a' },
    }),
  );
  const query = (limit: number) => () =>
    client.send(
      new QueryCommand({
        TableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': 'P' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
  let n = 0;
  const cases: Array<[string, () => Promise<unknown>]> = [
    ['GetItem 1 KB', () => client.send(new GetCommand({ TableName, Key: { PK: 'P', SK: '0010' } }))],
    ['Query → 1 record', query(1)],
    ['Query → 20 records', query(20)],
    ['Query → 60 records', query(60)],
    [
      'UpdateItem of a 6 KB item',
      () =>
        client.send(
          new UpdateCommand({
            TableName,
            Key: { PK: 'HEAD', SK: 'H' },
            UpdateExpression: 'SET stage = :s',
            ExpressionAttributeValues: { ':s': String(n++) },
          }),
        ),
    ],
    [
      'TransactWriteItems of 6 × 1 KB puts',
      () => {
        const round = n++;
        return client.send(
          new TransactWriteCommand({
            TransactItems: Array.from({ length: 6 }, (_, i) => ({
              Put: { TableName, Item: { PK: `T${round}`, SK: String(i), ...record(`t${i}`) } },
            })),
          }),
        );
      },
    ],
  ];
  const costs: RequestCost[] = [];
  try {
    await Promise.all(Array.from({ length: 20 }, () => query(20)()));
    // The stack keeps working meanwhile (its stream pollers read the table's streams): that background rate is
    // measured first, with no requests sent, and taken off each case.
    const idle = { jvm: await cpuSecondsOf(jvmMarker), node: ownCpuSeconds(), at: performance.now() };
    await new Promise((resolve) => setTimeout(resolve, IDLE_SAMPLE_MS));
    const seconds = (performance.now() - idle.at) / 1000;
    const background = { jvm: ((await cpuSecondsOf(jvmMarker)) - idle.jvm) / seconds, node: (ownCpuSeconds() - idle.node) / seconds };
    costs.push({
      request: 'the idle stack, per second (its pollers; taken off the rest)',
      jvmMs: 1000 * background.jvm,
      nodeMs: 1000 * background.node,
    });
    for (const [request, send] of cases) {
      const jvm = await cpuSecondsOf(jvmMarker);
      const node = ownCpuSeconds();
      const at = performance.now();
      for (let round = 0; round < rounds; round++) await Promise.all([send(), send()]);
      const elapsed = (performance.now() - at) / 1000;
      const per = (used: number, rate: number) => (1000 * Math.max(0, used - rate * elapsed)) / (2 * rounds);
      costs.push({
        request,
        jvmMs: per((await cpuSecondsOf(jvmMarker)) - jvm, background.jvm),
        nodeMs: per(ownCpuSeconds() - node, background.node),
      });
    }
  } finally {
    client.destroy();
  }
  return costs;
}
