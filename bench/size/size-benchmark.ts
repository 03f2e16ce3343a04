import path from 'node:path';
import { PROJECT_ROOT } from '../../infra/config/paths';
import { BUNDLE_DIR, buildAllBundles, CLIENTS_ONLY, HELLO_WORLD, SDK_INLINED_BUNDLING } from './build-bundles';
import { type LoadTiming, measureLoadTimes } from './load-time';
/**
 * Budget per bundle (minified), in KiB. DESIGN.md ("Choices made in the
 * second wave") retired the 300 KB budget for 1 MB: ingest now renders
 * previews, so it carries the article renderer (markdown-it) and image-size.
 */
export const BUNDLE_BUDGET_KB = 1024;
/** Budget of a function's cold module-load time, as a multiple of hello-world's. */
export const LOAD_BUDGET_RATIO = 3;

/** Options of {@link runSizeBenchmark}. */
export interface SizeBenchmarkOptions {
  /** Fresh processes per bundle; the median is reported. @default 9 */
  readonly runs?: number;
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const sdkTarget = (name: string) => `${name} @aws-sdk`;
const inlinedTarget = (name: string) => `${name} inlined`;

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
    ...bundles.filter((b) => b.externalImports.length > 0).map((b) => ({ name: sdkTarget(b.name), modules: b.externalImports })),
    ...bundles.filter((b) => b.externalImports.length > 0).map((b) => ({ name: inlinedTarget(b.name), modules: [inlined.get(b.name)!.file] })),
  ];
  const load = await measureLoadTimes(targets, runs, PROJECT_ROOT);
  const hello = load.get(HELLO_WORLD)!;
  const ratio = (timing: LoadTiming | undefined, key: keyof LoadTiming) => (timing === undefined ? '-' : (timing[key] / hello[key]).toFixed(1));
  const ms = (timing: LoadTiming | undefined, key: keyof LoadTiming) => (timing === undefined ? '-' : timing[key].toFixed(1));
  const rows = [
    ['bundle', 'KB (min)', 'gzip KB', 'import ms', 'x hello', 'process ms', 'x hello', '@aws-sdk ms', 'ok', '| SDK inlined: KB', 'import ms', 'x hello', 'process ms', 'x hello'],
  ];
  for (const bundle of bundles) {
    const timing = load.get(bundle.name)!;
    const inlinedTiming = load.get(inlinedTarget(bundle.name));
    const ok = bundle.bytes / 1024 <= BUNDLE_BUDGET_KB && timing.importMs / hello.importMs <= LOAD_BUDGET_RATIO;
    rows.push([
      bundle.name,
      kb(bundle.bytes),
      kb(bundle.gzipBytes),
      ms(timing, 'importMs'),
      ratio(timing, 'importMs'),
      ms(timing, 'processMs'),
      ratio(timing, 'processMs'),
      ms(load.get(sdkTarget(bundle.name)), 'importMs'),
      bundle.name === CLIENTS_ONLY ? '' : ok ? 'yes' : 'NO',
      inlinedTiming === undefined ? '-' : `| ${kb(inlined.get(bundle.name)!.bytes)}`,
      ms(inlinedTiming, 'importMs'),
      ratio(inlinedTiming, 'importMs'),
      ms(inlinedTiming, 'processMs'),
      ratio(inlinedTiming, 'processMs'),
    ]);
  }
  const floor = Math.min(load.get(CLIENTS_ONLY)!.importMs, load.get(inlinedTarget(CLIENTS_ONLY))?.importMs ?? Infinity);
  return [
    formatTable(rows),
    '',
    `Budgets: <= ${BUNDLE_BUDGET_KB} KB minified per bundle; load <= ${LOAD_BUDGET_RATIO}x hello-world. KB = 1024 bytes.`,
    `Sizes: index.mjs as CDK builds it (PIPELINE_BUNDLING), without its source map; @aws-sdk/* is external, not included.`,
    `import ms: median of ${runs} fresh node ${process.version} processes, performance.now() around await import(bundle), with the`,
    `  handler's top level run (placeholder env); it includes loading the @aws-sdk/* packages the bundle imports from node_modules,`,
    `  as the Lambda runtime loads its own copy. Node start-up excluded; the budget applies to this column.`,
    `process ms: the same processes' wall time from spawn to exit (Node start-up + import), as a Lambda cold start also pays runtime start-up.`,
    `@aws-sdk ms: import ms of processes importing only the @aws-sdk/* packages the bundle imports.`,
    `${CLIENTS_ONLY}: a handler that only creates the S3 and DynamoDB clients (shared/config/clients), the floor of any function`,
    `  that reads a draft or an article. Its best import, ${floor.toFixed(1)} ms, is ${(floor / hello.importMs).toFixed(1)}x hello-world${floor / hello.importMs > LOAD_BUDGET_RATIO ? `: above the ${LOAD_BUDGET_RATIO}x budget before any pipeline code loads` : ''}.`,
    `SDK inlined: the same bundles with externalModules [] (the SDK bundled, tree-shaken and minified) instead of the runtime's copy.`,
  ].join('\n');
}
