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

/** The script a measured process runs: the target's imports, timed, then the CPU the process used so far. */
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

/** How a measured process is started: `node` and its arguments, and its whole environment. */
export interface LoadCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/**
 * The `node` process that imports the target's modules cold, in {@link LOAD_ENVIRONMENT} (with the target's `NODE_OPTIONS`).
 *
 * @param node the Node.js binary it runs on @default process.execPath (the Node.js running the benchmark)
 */
export function loadCommand(target: LoadTarget, node: string = process.execPath): LoadCommand {
  return {
    file: node,
    args: ['--input-type=module', '-e', importScript(target.modules)],
    env: { PATH: process.env.PATH ?? '', ...LOAD_ENVIRONMENT, ...(target.nodeOptions === undefined ? {} : { NODE_OPTIONS: target.nodeOptions }) },
  };
}

/** The version (`v24.…`) of the Node.js binary `node`, as that binary reports it. */
export async function nodeVersion(node: string): Promise<string> {
  try {
    const { stdout } = await run(node, ['-p', 'process.version'], { env: { PATH: process.env.PATH ?? '' } });
    return stdout.trim();
  } catch (error) {
    throw new Error(`Cannot run ${node} as Node.js: ${error instanceof Error ? error.message : String(error)}`);
  }
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
 * @param node the Node.js binary the process runs on @default process.execPath
 */
export async function measureLoadOnce(target: LoadTarget, cwd: string, node: string = process.execPath): Promise<LoadTiming> {
  const command = loadCommand(target, node);
  const start = performance.now();
  const { stdout } = await run(command.file, command.args, { cwd, env: command.env });
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

/** The median of each figure of `timings`, taken figure by figure. */
export function medianTiming(timings: readonly LoadTiming[]): LoadTiming {
  return {
    importMs: median(timings.map((t) => t.importMs)),
    processMs: median(timings.map((t) => t.processMs)),
    cpuMs: median(timings.map((t) => t.cpuMs)),
  };
}

/** Targets measured back to back within a round: a function beside its floors. */
export type LoadGroup = readonly LoadTarget[];

/**
 * The order in which round `round` measures a group's targets: rotated by one
 * each round, so that every target is measured first, second, … equally often
 * and none always follows the same neighbour's page-cache and CPU-frequency state.
 */
export function roundOrder<T>(group: readonly T[], round: number): T[] {
  const shift = group.length === 0 ? 0 : round % group.length;
  return [...group.slice(shift), ...group.slice(0, shift)];
}

/**
 * Cold loads of every target in `runs` rounds: each round measures every
 * group in turn, one process at a time, and a group's targets back to back
 * (in {@link roundOrder}), so that the processes compared with each other
 * (a function and its floors) ran under the same machine state. The samples
 * of round `i` are at index `i` of each target's list: pair them with
 * {@link pairedRatio}.
 *
 * @param measure one cold load @default {@link measureLoadOnce}
 * @returns each target's timings by name, one per round
 */
export async function measureLoadRounds(
  groups: readonly LoadGroup[],
  runs: number,
  cwd: string,
  measure: (target: LoadTarget, cwd: string) => Promise<LoadTiming> = measureLoadOnce,
): Promise<Map<string, LoadTiming[]>> {
  const samples = new Map<string, LoadTiming[]>(groups.flat().map((t) => [t.name, []]));
  if (samples.size !== groups.flat().length) throw new Error('Every load target needs a name of its own');
  for (let round = 0; round < runs; round += 1) {
    for (const group of groups) {
      for (const target of roundOrder(group, round)) samples.get(target.name)!.push(await measure(target, cwd));
    }
  }
  return samples;
}

/** A ratio measured in each round: its median and the range it spanned. */
export interface PairedRatio {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/**
 * The ratio `numerators[i] / denominators[i]` of each round `i`, summarised:
 * unlike a ratio of two medians, each ratio compares two processes that ran
 * side by side, so load that changes between rounds cancels out.
 */
export function pairedRatio(numerators: readonly number[], denominators: readonly number[]): PairedRatio {
  if (numerators.length !== denominators.length) throw new RangeError('paired ratio of lists of different lengths');
  const ratios = numerators.map((value, i) => value / denominators[i]!);
  return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) };
}
