import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { ENV } from '../../events/names';
import { SUBSCRIBER_ENV } from '../../events/subscriber-names';
import { PIPELINE_NODE_OPTIONS, PIPELINE_RUNTIME } from '../../infra/constructs/pipeline-function';

const run = promisify(execFile);

/**
 * Placeholder settings so that a handler module's top level (configuration,
 * clients) runs as on Lambda; nothing is contacted at import time. With the
 * variables the Lambda runtime sets for a function with active tracing, the
 * Powertools Tracer is on and the X-Ray SDK runs its Lambda set-up at load,
 * as deployed; without them both stay off and a traced bundle looks cheaper
 * than it is.
 */
export const LOAD_ENVIRONMENT: Readonly<Record<string, string>> = {
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'size-benchmark',
  AWS_SECRET_ACCESS_KEY: 'size-benchmark',
  [ENV.tableName]: 'articles',
  [ENV.draftsBucket]: 'drafts',
  [ENV.siteBucket]: 'site',
  [ENV.alertsTopicArn]: 'arn:aws:sns:us-east-1:123456789012:alerts',
  [ENV.editorsTopicArn]: 'arn:aws:sns:us-east-1:123456789012:editors',
  [ENV.distributionId]: 'E123EXAMPLE',
  [ENV.invalidationQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/newsroom-invalidations',
  [ENV.siteUrl]: 'https://news.example.com',
  [ENV.publication]: 'Newsroom',
  [ENV.scheduleGroupName]: 'newsroom-publish',
  [ENV.schedulerRoleArn]: 'arn:aws:iam::123456789012:role/scheduler',
  [ENV.publishTargetArn]: 'arn:aws:sqs:us-east-1:123456789012:newsroom-publish',
  [ENV.priorityQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/newsroom-intake-priority',
  [ENV.bulkQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/newsroom-intake-bulk',
  [SUBSCRIBER_ENV.tableName]: 'subscribers',
  [SUBSCRIBER_ENV.secretParameter]: '/newsroom/subscription-secret',
  [SUBSCRIBER_ENV.fromAddress]: 'The Newsroom <alerts@news.example.com>',
  [SUBSCRIBER_ENV.emailBatchQueueUrl]: 'https://sqs.us-east-1.amazonaws.com/123456789012/newsroom-email-batches',
  POWERTOOLS_SERVICE_NAME: 'size-benchmark',
  AWS_EXECUTION_ENV: `AWS_Lambda_${PIPELINE_RUNTIME.name}`,
  LAMBDA_TASK_ROOT: '/var/task',
  _HANDLER: 'index.handler',
  AWS_XRAY_DAEMON_ADDRESS: '127.0.0.1:2000',
  // The SDK warns once that it will need Node 22; Lambda runs the functions on Node 24, where it never does. On this
  // machine's Node 20 the warning's stack is mapped through the bundle's source map at load: 60-70 ms Lambda never pays.
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // As the functions run: with their source maps applied (read at load).
  NODE_OPTIONS: PIPELINE_NODE_OPTIONS,
};

/** What one fresh process imports, timed. */
export interface LoadTarget {
  readonly name: string;
  /** Module specifiers or absolute file paths, imported in order. */
  readonly modules: readonly string[];
  /** `NODE_OPTIONS` of the process. @default the functions' own, as in {@link LOAD_ENVIRONMENT} */
  readonly nodeOptions?: string;
}

function importScript(modules: readonly string[]): string {
  const specifiers = modules.map((m) => (m.startsWith('/') ? pathToFileURL(m).href : m));
  return [
    'const t0 = performance.now();',
    ...specifiers.map((s) => `await import(${JSON.stringify(s)});`),
    'const importMs = performance.now() - t0;',
    // CPU the whole process burned so far (all threads, Node start-up included): unlike wall time, little moved by other load.
    'const { user, system } = process.cpuUsage();',
    'process.stdout.write(JSON.stringify({ importMs, cpuMs: (user + system) / 1000 }));',
  ].join('\n');
}

/** One cold load, in milliseconds. */
export interface LoadTiming {
  /** Inside the process: `performance.now()` around the `await import(...)`s. */
  readonly importMs: number;
  /** Seen from outside: the whole child process, from spawn to exit (Node start-up, import, exit). */
  readonly processMs: number;
  /** CPU time (user + system, all threads) the process used from start-up to the end of the import. */
  readonly cpuMs: number;
}

/**
 * One fresh `node` process importing the target's modules: the time spent in
 * `await import(...)` (`performance.now()` before and after) and the wall
 * time of the whole process.
 *
 * @param cwd where bare specifiers (e.g. `@aws-sdk/client-s3`) resolve from
 */
export async function measureLoadOnce(target: LoadTarget, cwd: string): Promise<LoadTiming> {
  const start = performance.now();
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', importScript(target.modules)], {
    cwd,
    env: { PATH: process.env.PATH ?? '', ...LOAD_ENVIRONMENT, ...(target.nodeOptions === undefined ? {} : { NODE_OPTIONS: target.nodeOptions }) },
  });
  const processMs = performance.now() - start;
  let reported: { importMs?: unknown; cpuMs?: unknown } = {};
  try {
    reported = JSON.parse(stdout);
  } catch {
    throw new Error(`Unexpected timing output for ${target.name}: ${stdout}`);
  }
  const { importMs, cpuMs } = reported;
  if (typeof importMs !== 'number' || typeof cpuMs !== 'number') throw new Error(`Unexpected timing output for ${target.name}: ${stdout}`);
  return { importMs, processMs, cpuMs };
}

/** The median of `values` (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Median cold load of each target over `runs` fresh processes. Targets are
 * measured round-robin, one process at a time, so that every target sees the
 * same machine state in the same run.
 *
 * @returns median import and process milliseconds by target name
 */
export async function measureLoadTimes(targets: readonly LoadTarget[], runs: number, cwd: string): Promise<Map<string, LoadTiming>> {
  const samples = new Map<string, LoadTiming[]>(targets.map((t) => [t.name, []]));
  for (let i = 0; i < runs; i += 1) {
    for (const target of targets) samples.get(target.name)!.push(await measureLoadOnce(target, cwd));
  }
  return new Map(
    [...samples].map(([name, values]) => [
      name,
      {
        importMs: median(values.map((v) => v.importMs)),
        processMs: median(values.map((v) => v.processMs)),
        cpuMs: median(values.map((v) => v.cpuMs)),
      },
    ]),
  );
}
