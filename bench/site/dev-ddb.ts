import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { freePort } from '../../infra/local/free-port';
const base = process.argv[2] ?? '/tmp';
const dir = await mkdtemp(join(base, 'ddb-'));
process.env.AWS_REGION = 'us-east-1';
process.env.AWS_ACCESS_KEY_ID = 'x';
process.env.AWS_SECRET_ACCESS_KEY = 'x';
const ddb = await startDynamoDbLocal({ dataDir: dir, port: await freePort() });
try {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: ddb.endpoint }));
  await client.send(
    new CreateTableCommand({
      TableName: 'ttt',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'PK', KeyType: 'HASH' },
        { AttributeName: 'SK', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'PK', AttributeType: 'S' },
        { AttributeName: 'SK', AttributeType: 'S' },
      ],
    }),
  );
  const filler = 'x'.repeat(900);
  for (const conc of [1, 8]) {
    const batches = 80;
    let next = 0;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: conc }, async () => {
        while (next < batches) {
          const b = next++;
          await client.send(
            new BatchWriteCommand({
              RequestItems: {
                ttt: Array.from({ length: 25 }, (_, i) => ({ PutRequest: { Item: { PK: `P${conc}#${b % 50}`, SK: `S${b}-${i}`, filler } } })),
              },
            }),
          );
        }
      }),
    );
    console.log(base, 'conc', conc, ((batches * 25) / ((performance.now() - t) / 1000)).toFixed(0), 'items/s');
  }
} finally {
  await ddb.stop();
  await rm(dir, { recursive: true, force: true });
}
