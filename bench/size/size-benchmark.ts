import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/config/paths';
import { BUNDLE_DIR, buildAllBundles, type BuiltBundle, CLIENTS_ONLY, HELLO_WORLD, SDK_INLINED_BUNDLING } from './build-bundles';
import { measureLoadTimes } from './load-time';
/** Budget per bundle (minified), in KiB. */
export const BUNDLE_BUDGET_KB = 300;
/** Budget of a function's cold module-load time, as a multiple of hello-world's. */
export const LOAD_BUDGET_RATIO = 3;

/** Options of {@link runSizeBenchmark}. */
export interface SizeBenchmarkOptions {
  /** Fresh processes per bundle; the median is reported. @default 9 */
  readonly runs?: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sdkTarget = (bundle: BuiltBundle) => `${bundle.name} @aws-sdk`;
const inlinedTarget = (bundle: BuiltBundle) => `${bundle.name} inlined`;

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

/**
 * Builds each function's bundle with the construct's bundling options, the
 * clients-only floor and a hello-world bundle, and the same bundles again with
 * the AWS SDK inlined; then measures, side by side in one run, each bundle's
 * cold `await import()` time in fresh `node` processes (median of `runs`) and,
 * for comparison, the time of importing only the `@aws-sdk/*` packages a
 * deployed bundle imports. Returns the report (a table plus notes on what is
 * included).
 */
export async function runSizeBenchmark(options: SizeBenchmarkOptions = {}): Promise<string> {
  const runs = Math.max(options.runs ?? 9, 1);
  const bundles = await buildAllBundles();
  const inlined = new Map((await buildAllBundles(path.join(BUNDLE_DIR, 'sdk-inlined'), SDK_INLINED_BUNDLING)).map((b) => [b.name, b]));
  const targets = [
    ...bundles.map((b) => ({ name: b.name, modules: [b.file] })),
    ...bundles.filter((b) => b.externalImports.length > 0).map((b) => ({ name: sdkTarget(b), modules: b.externalImports })),
    ...bundles.filter((b) => b.externalImports.length > 0).map((b) => ({ name: inlinedTarget(b), modules: [inlined.get(b.name)!.file] })),
  ];
  const load = await measureLoadTimes(targets, runs, PROJECT_ROOT);
  const helloMs = load.get(HELLO_WORLD)!;
  const ratio = (ms: number | undefined) => (ms === undefined ? '-' : (ms / helloMs).toFixed(1));
  const rows = [['bundle', 'KB (min)', 'gzip KB', 'load ms', 'x hello', '@aws-sdk ms', 'ok', '| SDK inlined: KB', 'load ms', 'x hello']];
  for (const bundle of bundles) {
    const ms = load.get(bundle.name)!;
    const sdkMs = load.get(sdkTarget(bundle));
    const inlinedMs = load.get(inlinedTarget(bundle));
    const ok = bundle.bytes / 1024 <= BUNDLE_BUDGET_KB && ms / helloMs <= LOAD_BUDGET_RATIO;
    rows.push([
      bundle.name,
      kb(bundle.bytes),
      kb(bundle.gzipBytes),
      ms.toFixed(1),
      ratio(ms),
      sdkMs === undefined ? '-' : sdkMs.toFixed(1),
      bundle.name === CLIENTS_ONLY ? '' : ok ? 'yes' : 'NO',
      inlinedMs === undefined ? '-' : `| ${kb(inlined.get(bundle.name)!.bytes)}`,
      inlinedMs === undefined ? '-' : inlinedMs.toFixed(1),
      ratio(inlinedMs),
    ]);
  }
  const floorMs = Math.min(load.get(CLIENTS_ONLY)!, load.get(inlinedTarget({ name: CLIENTS_ONLY } as BuiltBundle)) ?? Infinity);
  return [
    formatTable(rows),
    '',
    `Budgets: <= ${BUNDLE_BUDGET_KB} KB minified per bundle; load <= ${LOAD_BUDGET_RATIO}x hello-world. KB = 1024 bytes.`,
    `Sizes: index.mjs as CDK builds it (PIPELINE_BUNDLING), without its source map; @aws-sdk/* is external, not included.`,
    `load ms: median of ${runs} fresh node ${process.version} processes, performance.now() around await import(bundle), with the`,
    `  handler's top level run (placeholder env); it includes loading the @aws-sdk/* packages the bundle imports from node_modules,`,
    `  as the Lambda runtime loads its own copy. @aws-sdk ms: the same processes importing only those packages. Node start-up excluded.`,
    `${CLIENTS_ONLY}: a handler that only creates the S3 and DynamoDB clients (shared/config/clients), the floor of any function`,
    `  that reads a draft or an article. Its best load, ${floorMs.toFixed(1)} ms, is ${(floorMs / helloMs).toFixed(1)}x hello-world${floorMs / helloMs > LOAD_BUDGET_RATIO ? `: above the ${LOAD_BUDGET_RATIO}x budget before any pipeline code loads` : ''}.`,
    `SDK inlined: the same bundles with externalModules [] (the SDK bundled, tree-shaken and minified) instead of the runtime's copy.`,
  ].join('\n');
}
