import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/config/paths';
import { PIPELINE_NODE_OPTIONS, PIPELINE_RUNTIME } from '../../infra/constructs/pipeline-function';
import {
  BUNDLE_DIR,
  buildAllBundles,
  type BuiltBundle,
  clientsOnlyName,
  platformFloorName,
  HELLO_WORLD,
  MEASURED_FUNCTIONS,
  RUNTIME_SDK_BUNDLING,
} from './build-bundles';
import { COUNTED_NODE_FLAGS, countInstructions, valgrindVersion } from './instructions';
import {
  type LoadGroup,
  type LoadTarget,
  type LoadTiming,
  measureLoadOnce,
  measureLoadRounds,
  medianTiming,
  nodeVersion,
  type PairedRatio,
  pairedRatio,
} from './load-time';

/** Budget per bundle (minified, the AWS SDK included), in KiB. */
export const BUNDLE_BUDGET_KB = 1024;
/** Budget of a function's cold process time, as a multiple of its floor's (the issue's: clients-only; proposed: platform). */
export const LOAD_BUDGET_RATIO = 1.3;

/** Options of {@link runSizeBenchmark}. */
export interface SizeBenchmarkOptions {
  /** Rounds of fresh processes (one per bundle each round); medians over rounds are reported. @default 9 */
  readonly runs?: number;
  /**
   * Count each function's and its floors' instructions under callgrind (one process each): `true` always (fails
   * without valgrind), `false` never, `'auto'` where valgrind is installed. @default 'auto'
   */
  readonly instructions?: boolean | 'auto';
  /**
   * The Node.js binary the cold processes (timed and counted) run on; the bundles are built in this process whatever it
   * is. Lambda runs the functions on `PIPELINE_RUNTIME`'s major, which may not be the one running the benchmark.
   * @default the `BENCH_NODE` environment variable, else process.execPath
   */
  readonly node?: string;
}

/** Whether a function's bundle keeps both budgets, given its size and its cold start as a multiple of a floor's. */
export function withinBudget(bytes: number, ratio: number): boolean {
  return bytes <= BUNDLE_BUDGET_KB * 1024 && ratio <= LOAD_BUDGET_RATIO;
}

/** Whether a Node.js version (`v24.1.0`) is of a Lambda runtime's major (`nodejs24.x`). */
const sameMajor = (version: string, runtime: string): boolean => /^v(\d+)\./.exec(version)?.[1] === /^nodejs(\d+)\.x$/.exec(runtime)?.[1];
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);
const runtimeSdkTarget = (name: string) => `${name} runtime-sdk`;
const noMapsTarget = (name: string) => `${name} without source maps`;

/** "file KB (functions), …" for the lazy chunks the bundles carry. */
function lazyChunks(bundle: (name: string) => BuiltBundle): string {
  const byFile = new Map<string, { bytes: number; functions: string[] }>();
  for (const name of MEASURED_FUNCTIONS) {
    for (const chunk of bundle(name).chunks) {
      const entry = byFile.get(chunk.file) ?? { bytes: chunk.bytes, functions: [] };
      entry.functions.push(name);
      byFile.set(chunk.file, entry);
    }
  }
  return [...byFile].map(([file, { bytes, functions }]) => `${file} ${kb(bytes)} KB (${functions.join(', ')})`).join('; ');
}

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

const ratio = (value: number) => value.toFixed(2);
const spread = (paired: PairedRatio) => `${ratio(paired.median)} (${ratio(paired.min)}-${ratio(paired.max)})`;
const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');

/** Instruction counts of each function and its two floors (one callgrind process each), or why there are none. */
async function instructionCounts(
  setting: boolean | 'auto',
  target: (name: string) => LoadTarget,
  node: string,
): Promise<{ readonly counts?: Map<string, number>; readonly note: string }> {
  if (setting === false) return { note: 'Instructions: not counted (turned off).' };
  const version = await valgrindVersion();
  if (!version) {
    if (setting === true) throw new Error('Instruction counts need valgrind, which is not installed');
    return { note: 'Instructions: not counted: valgrind is not installed (the CPU ratios alone judge the budget).' };
  }
  const started = performance.now();
  const counts = new Map<string, number>();
  for (const name of MEASURED_FUNCTIONS) {
    for (const measured of [name, clientsOnlyName(name), platformFloorName(name)]) {
      counts.set(measured, await countInstructions(target(measured), PROJECT_ROOT, node));
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  return { counts, note: `Instructions: counted with ${version} in ${seconds} s.` };
}

/**
 * Builds each function's bundle as the construct deploys it (the AWS SDK
 * bundled), each function's clients-only and platform floors and a
 * hello-world bundle, and the functions again with the SDK left to the
 * runtime; then measures their cold starts in rounds of fresh `node`
 * processes, each function back to back with its floors in every round, and
 * reports each function's CPU time as the median of its per-round ratios to
 * each floor's. Where valgrind is installed (or `instructions` is `true`) it
 * also counts the instructions of one cold process of each function and
 * floor: the load-independent figure. Returns the report: tables plus notes
 * on what is measured.
 */
export async function runSizeBenchmark(options: SizeBenchmarkOptions = {}): Promise<string> {
  const runs = Math.max(options.runs ?? 9, 1);
  const node = options.node ?? (process.env.BENCH_NODE || process.execPath);
  const measuredVersion = await nodeVersion(node);
  const bundles = new Map((await buildAllBundles()).map((b) => [b.name, b]));
  const runtimeSdk = new Map((await buildAllBundles(path.join(BUNDLE_DIR, 'runtime-sdk'), RUNTIME_SDK_BUNDLING)).map((b) => [b.name, b]));
  const bundle = (name: string): BuiltBundle => bundles.get(name)!;
  const target = (name: string): LoadTarget => ({ name, modules: [bundle(name).file] });
  const groups: LoadGroup[] = [
    ...MEASURED_FUNCTIONS.map((name) => [
      target(name),
      target(clientsOnlyName(name)),
      target(platformFloorName(name)),
      { name: runtimeSdkTarget(name), modules: [runtimeSdk.get(name)!.file] },
      // The cost of reading the source maps at load (NODE_OPTIONS=--enable-source-maps), for the function and its platform floor.
      ...[name, platformFloorName(name)].map((measured) => ({ ...target(measured), name: noMapsTarget(measured), nodeOptions: '' })),
    ]),
    [target(HELLO_WORLD)],
  ];
  const samples = await measureLoadRounds(groups, runs, PROJECT_ROOT, (t, cwd) => measureLoadOnce(t, cwd, node));
  const timing = (name: string): LoadTiming => medianTiming(samples.get(name)!);
  const cpuRatio = (name: string, floor: string): PairedRatio =>
    pairedRatio(
      samples.get(name)!.map((t) => t.cpuMs),
      samples.get(floor)!.map((t) => t.cpuMs),
    );
  const instructions = await instructionCounts(options.instructions ?? 'auto', target, node);
  const counts = instructions.counts;
  const instructionRatio = (name: string, floor: string): number | undefined => (counts ? counts.get(name)! / counts.get(floor)! : undefined);
  const hello = timing(HELLO_WORLD);

  const budget = [
    [
      'function',
      'KB (min)',
      'CPU ms',
      'x clients-only CPU',
      'x clients-only instr.',
      'ok CPU',
      'ok instr.',
      'x platform CPU',
      'x platform instr.',
      'ok CPU (platform)',
      'ok instr. (platform)',
    ],
  ];
  const detail = [
    [
      'function',
      'gzip KB',
      'import ms',
      'process ms',
      'floor KB',
      'clients-only CPU ms',
      'platform CPU ms',
      'x platform CPU, no maps',
      'M instr.',
      'clients-only M instr.',
      'platform M instr.',
      'x hello',
      'runtime-SDK process ms',
    ],
  ];
  const millions = (name: string) => (counts ? (counts.get(name)! / 1e6).toFixed(1) : '-');
  for (const name of MEASURED_FUNCTIONS) {
    const own = timing(name);
    const bytes = bundle(name).bytes;
    const judged = [clientsOnlyName(name), platformFloorName(name)].flatMap((floor) => {
      const cpu = cpuRatio(name, floor);
      const instr = instructionRatio(name, floor);
      return [
        spread(cpu),
        instr === undefined ? '-' : ratio(instr),
        verdict(withinBudget(bytes, cpu.median)),
        instr === undefined ? '-' : verdict(withinBudget(bytes, instr)),
      ];
    });
    budget.push([name, kb(bytes), ms(own.cpuMs), ...judged]);
    detail.push([
      name,
      kb(bundle(name).gzipBytes),
      ms(own.importMs),
      ms(own.processMs),
      kb(bundle(clientsOnlyName(name)).bytes),
      ms(timing(clientsOnlyName(name)).cpuMs),
      ms(timing(platformFloorName(name)).cpuMs),
      spread(cpuRatio(noMapsTarget(name), noMapsTarget(platformFloorName(name)))),
      millions(name),
      millions(clientsOnlyName(name)),
      millions(platformFloorName(name)),
      (own.processMs / hello.processMs).toFixed(1),
      ms(timing(runtimeSdkTarget(name)).processMs),
    ]);
  }
  return [
    formatTable(budget),
    '',
    formatTable(detail),
    `${HELLO_WORLD}: ${kb(bundle(HELLO_WORLD).bytes)} KB, import ${ms(hello.importMs)} ms, process ${ms(hello.processMs)} ms, CPU ${ms(hello.cpuMs)} ms.`,
    '',
    `Budgets: <= ${BUNDLE_BUDGET_KB} KB minified per bundle; cold start <= ${LOAD_BUDGET_RATIO}x a floor's, judged twice: on CPU time (x ... CPU:`,
    "  the median over rounds of the function's CPU ms / the floor's in the same round, with the lowest and highest round in",
    "  brackets) and on instructions (x ... instr.). The issue's floor is clients-only, the proposed one the platform floor (the",
    '  Powertools tracer, logger and metrics the issue asks for cost 1.1-1.5x the clients-only floor by themselves). KB = 1024 bytes.',
    'Sizes: index.mjs as CDK builds it (PIPELINE_BUNDLING: the AWS SDK bundled, tree-shaken, minified), without its source map.',
    `Lazy chunks beside index.mjs, loaded only on the path that needs them (not part of the cold start): ${lazyChunks(bundle) || 'none'}.`,
    `Node: ${measuredVersion} (${node}) runs every cold process, timed and counted; Lambda runs the functions on ${PIPELINE_RUNTIME.name}${
      sameMajor(measuredVersion, PIPELINE_RUNTIME.name) ? '' : ' (another major: BENCH_NODE=/path/to/node picks the binary)'
    }.`,
    `Rounds: ${runs}; each round starts one fresh node ${measuredVersion} process per bundle, one at a time, a function's back to back`,
    "  with its floors', its runtime-SDK and its no-maps processes (their order rotated each round), so that a function and its",
    '  floors ran under the same load: the per-round ratio cancels load that changes between rounds, which a ratio of',
    '  medians did not. ms figures are medians over the rounds.',
    "import ms: performance.now() around await import(bundle), with the handler's top level run (placeholder env). process ms:",
    '  the wall time from spawn to exit (Node start-up + import), as a Lambda cold start also pays runtime start-up. CPU ms: the',
    '  CPU time (user + system, all threads) the process used up to the end of the import. A cold start is CPU-bound, so on an',
    "  idle machine the two agree; on a busy one wall time moves with other processes' load while CPU time moves less.",
    'instr.: instructions (all threads, one process), load-independent: callgrind (valgrind --tool=callgrind',
    "  --collect-atstart=yes) counts every instruction one cold process of the bundle executes, from exec to exit, with V8's",
    `  ${COUNTED_NODE_FLAGS.join(' ')} (its background compiles and GC at fixed points on the main thread: on valgrind, when they landed`,
    '  moved the count of one bundle by up to 25%); repeated counts agree to within 0.1%, whatever else the machine runs. It',
    '  leaves out kernel time (page faults, file reads) and weighs every instruction alike, so read it beside the CPU ratio.',
    `  ${instructions.note}`,
    `Every process runs with the functions' NODE_OPTIONS (${PIPELINE_NODE_OPTIONS}): Node reads a bundle's source map at load.`,
    '  x platform CPU, no maps: the paired ratio of the same two processes without it (what the maps cost).',
    "floor: a bundle, built the same way, of a handler that only creates the AWS clients the function's handler creates",
    '  (its imports from shared/config/clients): the least that function can load.',
    'platform floor: the clients-only floor under middy and the Powertools logger, the tracer with traced clients where the',
    '  function is traced (every one) and Powertools Metrics where it records them (ingest-draft, stream-consumer):',
    '  what any handler on this platform loads before its own code.',
    'runtime SDK: the same function with @aws-sdk/* external, loaded from node_modules as Lambda would load its own copy.',
  ].join('\n');
}
