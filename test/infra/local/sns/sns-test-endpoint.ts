import { SNSClient } from '@aws-sdk/client-sns';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snsDeliverySchema, type SnsDelivery } from '../../../../infra/local/sns/outbox';
import { startSnsServer, type SnsServer } from '../../../../infra/local/sns/sns-server';

/** The fixed clock of test endpoints, so outbox file names are known. */
export const PUBLISHED_AT = new Date('2025-11-27T09:30:00.123Z');

/** A local SNS endpoint in its own temp directory, and a real SNSClient pointed at it. */
export interface TestEndpoint {
  readonly dir: string;
  readonly stateDir: string;
  readonly outboxDir: string;
  server: SnsServer;
  client: SNSClient;
  /** Restarts the endpoint on the same state and outbox directories. */
  restart(): Promise<void>;
  /** The outbox file names, sorted. */
  outboxFiles(): Promise<string[]>;
  /** The parsed outbox deliveries, in file name order. */
  deliveries(): Promise<SnsDelivery[]>;
  dispose(): Promise<void>;
}

function clientFor(server: SnsServer): SNSClient {
  return new SNSClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** Starts an endpoint for one test. */
export async function startTestEndpoint(): Promise<TestEndpoint> {
  const dir = await mkdtemp(join(tmpdir(), 'sns-local-'));
  const stateDir = join(dir, 'state');
  const outboxDir = join(dir, 'outbox');
  const start = () => startSnsServer({ stateDir, outboxDir, now: () => PUBLISHED_AT });
  const server = await start();
  const endpoint: TestEndpoint = {
    dir,
    stateDir,
    outboxDir,
    server,
    client: clientFor(server),
    async restart() {
      endpoint.client.destroy();
      await endpoint.server.close();
      endpoint.server = await start();
      endpoint.client = clientFor(endpoint.server);
    },
    async outboxFiles() {
      return (await readdir(outboxDir)).sort();
    },
    async deliveries() {
      const files = await endpoint.outboxFiles();
      return Promise.all(files.map(async (file) => snsDeliverySchema.parse(JSON.parse(await readFile(join(outboxDir, file), 'utf8')))));
    },
    async dispose() {
      endpoint.client.destroy();
      await endpoint.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return endpoint;
}
