import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/config/paths';
import { PIPELINE_NODE_OPTIONS } from '../../infra/constructs/pipeline-function';
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
import { type LoadTiming, measureLoadTimes } from './load-time';

/** Budget per bundle (minified, the AWS SDK included), in KiB. */
export const BUNDLE_BUDGET_KB = 1024;
/** Budget of a function's cold process time, as a multiple of its floor's (the issue's: clients-only; proposed: platform). */
export const LOAD_BUDGET_RATIO = 1.3;

/** Options of {@link runSizeBenchmark}. */
export interface SizeBenchmarkOptions {
  /** Fresh processes per bundle; the median is reported. @default 9 */
  readonly runs?: number;
}

/** Whether a function's bundle keeps both budgets, given its and its floor's cold timings. */
export function withinBudget(bytes: number, timing: LoadTiming, floor: LoadTiming): boolean {
  return bytes <= BUNDLE_BUDGET_KB * 1024 && timing.cpuMs <= LOAD_BUDGET_RATIO * floor.cpuMs;
}

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

/**
 * Builds each function's bundle as the construct deploys it (the AWS SDK
 * bundled), each function's clients-only floor and a hello-world bundle, and
 * the functions again with the SDK left to the runtime; then measures, side by
 * side in one run, each bundle's cold start in fresh `node` processes (median
 * of `runs`). Returns the report: a table plus notes on what is measured.
 */
export async function runSizeBenchmark(options: SizeBenchmarkOptions = {}): Promise<string> {
  const runs = Math.max(options.runs ?? 9, 1);
  const bundles = new Map((await buildAllBundles()).map((b) => [b.name, b]));
  const runtimeSdk = new Map((await buildAllBundles(path.join(BUNDLE_DIR, 'runtime-sdk'), RUNTIME_SDK_BUNDLING)).map((b) => [b.name, b]));
  const bundle = (name: string): BuiltBundle => bundles.get(name)!;
  const targets = [
    ...[...bundles.values()].map((b) => ({ name: b.name, modules: [b.file] })),
    ...MEASURED_FUNCTIONS.map((name) => ({ name: runtimeSdkTarget(name), modules: [runtimeSdk.get(name)!.file] })),
    // The cost of reading the source maps at load (NODE_OPTIONS=--enable-source-maps), for the function and its platform floor.
    ...MEASURED_FUNCTIONS.flatMap((name) =>
      [name, platformFloorName(name)].map((target) => ({ name: noMapsTarget(target), modules: [bundle(target).file], nodeOptions: '' })),
    ),
  ];
  const load = await measureLoadTimes(targets, runs, PROJECT_ROOT);
  const timing = (name: string): LoadTiming => load.get(name)!;
  const hello = timing(HELLO_WORLD);

  const rows = [
    [
      'function',
      'KB (min)',
      'gzip KB',
      'import ms',
      'process ms',
      'floor KB',
      'floor process ms',
      'x floor',
      'CPU ms',
      'floor CPU ms',
      'x floor CPU',
      'platform floor CPU ms',
      'x platform floor CPU',
      'CPU ms, no maps',
      'x platform floor, no maps',
      'x hello',
      'runtime-SDK process ms',
      'ok (issue)',
      'ok (proposed)',
    ],
  ];
  for (const name of MEASURED_FUNCTIONS) {
    const own = timing(name);
    const floor = timing(clientsOnlyName(name));
    const platform = timing(platformFloorName(name));
    rows.push([
      name,
      kb(bundle(name).bytes),
      kb(bundle(name).gzipBytes),
      ms(own.importMs),
      ms(own.processMs),
      kb(bundle(clientsOnlyName(name)).bytes),
      ms(floor.processMs),
      (own.processMs / floor.processMs).toFixed(2),
      ms(own.cpuMs),
      ms(floor.cpuMs),
      (own.cpuMs / floor.cpuMs).toFixed(2),
      ms(platform.cpuMs),
      (own.cpuMs / platform.cpuMs).toFixed(2),
      ms(timing(noMapsTarget(name)).cpuMs),
      (timing(noMapsTarget(name)).cpuMs / timing(noMapsTarget(platformFloorName(name))).cpuMs).toFixed(2),
      (own.processMs / hello.processMs).toFixed(1),
      ms(timing(runtimeSdkTarget(name)).processMs),
      withinBudget(bundle(name).bytes, own, floor) ? 'yes' : 'NO',
      withinBudget(bundle(name).bytes, own, platform) ? 'yes' : 'NO',
    ]);
  }
  rows.push([
    HELLO_WORLD,
    kb(bundle(HELLO_WORLD).bytes),
    kb(bundle(HELLO_WORLD).gzipBytes),
    ms(hello.importMs),
    ms(hello.processMs),
    '',
    '',
    '',
    ms(hello.cpuMs),
    '',
    '',
    '',
    '',
    '',
    '',
    '1.0',
    '',
    '',
    '',
  ]);
  return [
    formatTable(rows),
    '',
    `Budgets: <= ${BUNDLE_BUDGET_KB} KB minified per bundle; cold start <= ${LOAD_BUDGET_RATIO}x a floor, judged on CPU ms: the issue's floor`,
    '  is clients-only, the proposed one the platform floor (the Powertools tracer, logger and metrics the issue asks for cost',
    '  1.1-1.5x the clients-only floor by themselves). KB = 1024 bytes.',
    'Sizes: index.mjs as CDK builds it (PIPELINE_BUNDLING: the AWS SDK bundled, tree-shaken, minified), without its source map.',
    `Lazy chunks beside index.mjs, loaded only on the path that needs them (not part of the cold start): ${lazyChunks(bundle) || 'none'}.`,
    `import ms: median of ${runs} fresh node ${process.version} processes, performance.now() around await import(bundle), with the`,
    "  handler's top level run (placeholder env). process ms: the same processes' wall time from spawn to exit (Node start-up +",
    '  import), as a Lambda cold start also pays runtime start-up. CPU ms: the CPU time (user + system, all threads) the same',
    '  processes used up to the end of the import. A cold start is CPU-bound, so on an idle machine the two agree; on a busy one',
    "  wall time moves with other processes' load while CPU time hardly does, so the budget is judged on CPU ms.",
    `Every process runs with the functions' NODE_OPTIONS (${PIPELINE_NODE_OPTIONS}): Node reads a bundle's source map at load.`,
    '  CPU ms, no maps: the same process without it, and its ratio to the platform floor without it (what the maps cost).',
    "floor: a bundle, built the same way, of a handler that only creates the AWS clients the function's handler creates",
    '  (its imports from shared/config/clients): the least that function can load.',
    'platform floor: the clients-only floor under middy and the Powertools logger, the tracer with traced clients where the',
    '  function is traced (every one) and Powertools Metrics where it records them (ingest-draft, stream-consumer):',
    '  what any handler on this platform loads before its own code.',
    'runtime SDK: the same function with @aws-sdk/* external, loaded from node_modules as Lambda would load its own copy.',
  ].join('\n');
}
