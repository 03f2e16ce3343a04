import { PROJECT_ROOT } from '../../infra/config/paths';
import { buildAllBundles, type BuiltBundle, HELLO_WORLD } from './build-bundles';
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

function formatTable(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  ')).join('\n');
}

/**
 * Builds each function's bundle with the construct's bundling options and a
 * hello-world bundle, then measures, side by side in one run, each bundle's
 * cold `await import()` time in fresh `node` processes (median of `runs`) and,
 * for comparison, the time of importing only the `@aws-sdk/*` packages that
 * bundle imports. Returns the report (a table plus notes on what is included).
 */
export async function runSizeBenchmark(options: SizeBenchmarkOptions = {}): Promise<string> {
  const runs = Math.max(options.runs ?? 9, 1);
  const bundles = await buildAllBundles();
  const hello = bundles.find((b) => b.name === HELLO_WORLD)!;
  const targets = [
    ...bundles.map((b) => ({ name: b.name, modules: [b.file] })),
    ...bundles.filter((b) => b.externalImports.length > 0).map((b) => ({ name: sdkTarget(b), modules: b.externalImports })),
  ];
  const load = await measureLoadTimes(targets, runs, PROJECT_ROOT);
  const helloMs = load.get(hello.name)!;
  const rows = [['bundle', 'KB (min)', 'gzip KB', 'load ms', 'x hello', '@aws-sdk ms', 'ok']];
  for (const bundle of bundles) {
    const ms = load.get(bundle.name)!;
    const sdkMs = load.get(sdkTarget(bundle));
    const ok = bundle.bytes / 1024 <= BUNDLE_BUDGET_KB && ms / helloMs <= LOAD_BUDGET_RATIO;
    rows.push([bundle.name, kb(bundle.bytes), kb(bundle.gzipBytes), ms.toFixed(1), (ms / helloMs).toFixed(1), sdkMs === undefined ? '-' : sdkMs.toFixed(1), ok ? 'yes' : 'NO']);
  }
  return [
    formatTable(rows),
    '',
    `Budgets: <= ${BUNDLE_BUDGET_KB} KB minified per bundle; load <= ${LOAD_BUDGET_RATIO}x hello-world. KB = 1024 bytes.`,
    `Sizes: index.mjs as CDK builds it (PIPELINE_BUNDLING), without its source map; @aws-sdk/* is external, not included.`,
    `load ms: median of ${runs} fresh node ${process.version} processes, performance.now() around await import(bundle), with the`,
    `  handler's top level run (placeholder env); it includes loading the @aws-sdk/* packages the bundle imports from node_modules,`,
    `  as the Lambda runtime loads its own copy. @aws-sdk ms: the same processes importing only those packages. Node start-up excluded.`,
  ].join('\n');
}
