import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { PROJECT_ROOT } from '../../infra/config/paths';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { PIPELINE_BUNDLING } from '../../infra/constructs/pipeline-function';
import { LAZY_CHUNKS } from '../../shared/config/lazy-chunks';
import { toEsbuildOptions } from './esbuild-options';

/** The functions the CDK app deploys (every folder under `functions/`), measured by the size benchmark. */
export const MEASURED_FUNCTIONS = [
  'ingest-draft',
  'stream-consumer',
  'publish-scheduled',
  'reconcile-pipeline',
  'invalidate-cdn',
  'subscription-api',
  'plan-alert-emails',
  'send-alert-emails',
  'ses-events',
  'sweep-devices',
  'triage-draft',
] as const;
/** A measured function. */
export type MeasuredFunction = (typeof MEASURED_FUNCTIONS)[number];

/** A measured function's handler file, `functions/<name>/handler.ts`, as the constructs deploy it. */
export const handlerEntry = (name: MeasuredFunction): string => path.join(PROJECT_ROOT, 'functions', name, 'handler.ts');

/** Name of the baseline bundle in the report. */
export const HELLO_WORLD = 'hello-world';

/** The hello-world handler bundled as the baseline. */
export const HELLO_WORLD_ENTRY = path.join(PROJECT_ROOT, 'test/infra/fixtures/hello-handler.ts');

/** Where the `create*Client` factories live; a handler's imports from here are the clients it creates. */
export const CLIENT_FACTORIES_DIR = path.join(PROJECT_ROOT, 'shared/config/clients');

/** Name of a function's floor bundle: a handler that only creates the clients that function creates. */
export const clientsOnlyName = (name: MeasuredFunction): string => `${name} clients-only`;

/** Name of a function's platform floor: its clients-only floor plus the Powertools logger, tracer, metrics and middy it runs under. */
export const platformFloorName = (name: MeasuredFunction): string => `${name} platform-floor`;

/**
 * The pipeline's bundling with `@aws-sdk/*` left to the Lambda runtime's copy,
 * as deployed before the SDK was bundled: the report's comparison.
 */
export const RUNTIME_SDK_BUNDLING: BundlingOptions = { ...PIPELINE_BUNDLING, externalModules: ['@aws-sdk/*'] };

/**
 * Where bundles are written: inside the repository so that a bundle's
 * external `@aws-sdk/*` imports (the runtime-SDK comparison) resolve from its
 * `node_modules`, as the Lambda runtime resolves them from its own copy.
 */
export const BUNDLE_DIR = path.join(PROJECT_ROOT, 'node_modules/.cache/newsroom-size');

/** One bundle built with the pipeline's bundling options. */
export interface BuiltBundle {
  readonly name: string;
  /** Absolute path of the bundle (`<name>/index.mjs`, as CDK names it). */
  readonly file: string;
  /** Size of the minified bundle, without its source map. */
  readonly bytes: number;
  /** Size of the bundle gzipped (level 9). */
  readonly gzipBytes: number;
  /** The external packages the bundle imports at load (Node.js built-ins aside), sorted. */
  readonly externalImports: readonly string[];
  /**
   * What the bundle reaches only through `import()`, sorted: external
   * specifiers, or the packages of bundled files that no file outside their
   * own package imports statically.
   */
  readonly lazyImports: readonly string[];
  /** The source files inlined in the bundle, relative to the project root. */
  readonly inputs: readonly string[];
  /** The bundle's ES module exports (`handler`); empty for a non-ESM bundle. */
  readonly exports: readonly string[];
  /** The files the bundling's after-hook wrote beside it (lazy chunks), with their sizes. */
  readonly chunks: ReadonlyArray<{ readonly file: string; readonly bytes: number }>;
}

const run = promisify(execFile);

/** Runs a bundling hook's shell commands as CDK's local bundling does: bash, in the project root. */
async function runHookCommands(commands: readonly string[]): Promise<void> {
  for (const command of commands) await run('bash', ['-c', command], { cwd: PROJECT_ROOT });
}

/** The npm package a bundled file (`…/node_modules/<pkg>/…`) or a bare specifier belongs to; `undefined` for project files. */
export function packageOf(file: string): string | undefined {
  // A package name never starts with a dot: node_modules/.cache holds the benchmark's own entries.
  const match = /node_modules\/((?:@[^/]+\/)?[^/.][^/]*)\//.exec(file);
  if (match) return match[1];
  if (file.includes('node_modules/.')) return undefined;
  if (file.startsWith('.') || file.startsWith('/')) return undefined;
  return /^(@[^/]+\/[^/]+|[^/]+)/.exec(file)?.[1];
}

/**
 * Builds `entry` exactly as the `PipelineFunction` construct has CDK build it
 * (`PIPELINE_BUNDLING`, unless told otherwise), into `outdir/<name>/index.mjs`.
 *
 * @param name the function name (also the output folder)
 * @param entry absolute path of the handler file
 * @param outdir @default BUNDLE_DIR
 * @param bundling @default PIPELINE_BUNDLING
 */
export async function buildBundle(
  name: string,
  entry: string,
  outdir: string = BUNDLE_DIR,
  bundling: BundlingOptions = PIPELINE_BUNDLING,
): Promise<BuiltBundle> {
  const file = path.join(outdir, name.replaceAll(' ', '-'), 'index.mjs');
  const assetDir = path.dirname(file);
  await runHookCommands(bundling.commandHooks?.beforeBundling(PROJECT_ROOT, assetDir) ?? []);
  // CDK runs esbuild in the project root.
  const result = await build({ ...toEsbuildOptions(bundling, entry, file), absWorkingDir: PROJECT_ROOT, metafile: true });
  const afterBundling = bundling.commandHooks?.afterBundling(PROJECT_ROOT, assetDir);
  await runHookCommands(afterBundling ?? []);
  const chunkFiles = afterBundling
    ? Object.values(LAZY_CHUNKS)
        .map((chunk) => path.join(assetDir, chunk.file))
        .filter((chunk) => existsSync(chunk))
    : [];
  const externals = new Set<string>();
  const dynamicTargets = new Set<string>();
  const staticEdges: Array<[from: string, to: string]> = [];
  for (const [from, input] of Object.entries(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (isBuiltin(imported.path)) continue;
      if (imported.kind === 'dynamic-import') dynamicTargets.add(imported.path);
      else if (imported.external) externals.add(imported.path);
      else staticEdges.push([from, imported.path]);
    }
  }
  const lazy = new Set<string>();
  for (const target of dynamicTargets) {
    if (externals.has(target)) continue;
    // A bundled file outside node_modules is project code (its metafile path is relative, like a bare specifier).
    const pkg = target.includes('node_modules/') ? packageOf(target) : undefined;
    const reachedStatically = staticEdges.some(([from, to]) => (pkg ? packageOf(to) === pkg && packageOf(from) !== pkg : to === target));
    if (!reachedStatically) lazy.add(pkg ?? target);
  }
  const code = readFileSync(file);
  const output = result.metafile.outputs[path.relative(PROJECT_ROOT, file)];
  return {
    name,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    externalImports: [...externals].sort(),
    lazyImports: [...lazy].sort(),
    inputs: Object.entries(output?.inputs ?? {})
      .filter(([, v]) => v.bytesInOutput > 0)
      .map(([k]) => k),
    exports: output?.exports ?? [],
    chunks: chunkFiles.map((chunk) => ({ file: path.basename(chunk), bytes: statSync(chunk).size })),
  };
}

/**
 * The client factories (`createS3Client`, …) a module imports from
 * {@link CLIENT_FACTORIES_DIR}, with their modules: a handler's own imports
 * (`…/shared/config/clients/x`), or a configuration module's (`./clients/x`).
 */
export function clientFactoriesOf(handlerSource: string): Array<{ readonly factory: string; readonly module: string }> {
  const found: Array<{ factory: string; module: string }> = [];
  for (const match of handlerSource.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?:[./]*shared\/config\/|\.\/)clients\/([\w-]+)'/g)) {
    for (const name of match[1]!.split(',').map((part) => part.trim())) {
      if (/^create\w*Client$/.test(name)) found.push({ factory: name, module: path.join(CLIENT_FACTORIES_DIR, `${match[2]}.ts`) });
    }
  }
  return found;
}

/**
 * Writes the entry of a function's clients-only floor: a handler that creates
 * the clients the function's handler creates (as found by
 * {@link clientFactoriesOf}), and nothing else; with `platform`, those
 * clients under the platform every handler runs on (middy, the Powertools
 * logger and, where the function uses them, the tracer with traced clients
 * and Powertools Metrics).
 *
 * @returns the entry's absolute path
 */
export function writeClientsOnlyEntry(name: MeasuredFunction, outdir: string, bundle?: Pick<BuiltBundle, 'inputs'>, platform = false): string {
  const handler = readFileSync(handlerEntry(name), 'utf8');
  // Clients a handler creates through a configuration helper (the subscriber functions' SSM and SES clients) count too.
  const configModules = [...handler.matchAll(/from\s*'[./]*shared\/config\/([\w-]+)'/g)].map((m) =>
    path.join(CLIENT_FACTORIES_DIR, '..', `${m[1]}.ts`),
  );
  const factories = [handler, ...configModules.map((file) => readFileSync(file, 'utf8'))]
    .flatMap(clientFactoriesOf)
    .filter((found, i, all) => all.findIndex((other) => other.factory === found.factory) === i)
    // A client the function's bundle leaves out (tree-shaken), or whose factory imports it on first use (Bedrock), is not one it creates at load.
    .filter((found) => !bundle || bundle.inputs.includes(path.relative(PROJECT_ROOT, found.module)))
    .filter((found) => !createsOnFirstUse(found.module));
  if (factories.length === 0) throw new Error(`${name} creates no AWS client from shared/config/clients`);
  const imports = factories.map(({ factory, module }) => `import { ${factory} } from ${JSON.stringify(module)};`);
  const created = factories.map(({ factory }) => `${factory}()`);
  if (!platform) return writeEntry(outdir, `${name}-clients-only.ts`, [...imports, `const clients = [${created.join(', ')}];`, BARE_HANDLER]);
  const runtime = (file: string) => JSON.stringify(path.join(PROJECT_ROOT, 'shared/runtime', file));
  // Traced like the function: with the X-Ray SDK when the function's bundle carries it.
  const withTracer = bundle?.inputs.some((file) => file.includes('node_modules/aws-xray-sdk-core/')) ?? true;
  // With Powertools Metrics where the function records them (the issue asks for EMF metrics from those functions).
  const withMetrics = bundle?.inputs.some((file) => file.includes('node_modules/@aws-lambda-powertools/metrics/')) ?? false;
  return writeEntry(outdir, `${name}-platform-floor.ts`, [
    ...imports,
    ...(withMetrics
      ? [
          `import { createMetricsSink } from ${JSON.stringify(path.join(PROJECT_ROOT, 'shared/config/metrics-config.ts'))};`,
          `import { createPipelineMetrics } from ${runtime('pipeline-metrics.ts')};`,
          "const metrics = createPipelineMetrics('platform-floor', createMetricsSink());",
        ]
      : ['const metrics = undefined;']),
    "import middy from '@middy/core';",
    "import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';",
    `import { createLogger } from ${runtime('logger.ts')};`,
    ...(withTracer
      ? [
          "import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';",
          `import { traced, tracer } from ${runtime('tracing.ts')};`,
        ]
      : []),
    "const logger = createLogger('platform-floor');",
    `const clients = [${created.map((call) => (withTracer ? `traced(${call})` : call)).join(', ')}];`,
    `export const handler = middy(async () => [metrics, ...clients.map((client) => String(client.config.serviceId))]).use(injectLambdaContext(logger))${
      withTracer ? '.use(captureLambdaHandler(tracer))' : ''
    };`,
  ]);
}

/** Whether a client factory imports its client when first called (`await import(…)`), not at load. */
const createsOnFirstUse = (file: string): boolean => /\bawait import\(/.test(readFileSync(file, 'utf8'));

const BARE_HANDLER = 'export const handler = async () => clients.map((client) => String(client.config.serviceId));';

// Entries live inside the project whatever `outdir` is, so the packages they import resolve from its node_modules.
function writeEntry(_outdir: string, file: string, lines: readonly string[]): string {
  const entry = path.join(BUNDLE_DIR, 'entries', file);
  mkdirSync(path.dirname(entry), { recursive: true });
  writeFileSync(entry, [...lines, ''].join('\n'));
  return entry;
}

/**
 * Builds every measured function's bundle, then each one's clients-only floor,
 * then hello-world, all with `bundling`.
 *
 * @param outdir @default BUNDLE_DIR
 * @param bundling @default PIPELINE_BUNDLING
 */
export async function buildAllBundles(outdir: string = BUNDLE_DIR, bundling: BundlingOptions = PIPELINE_BUNDLING): Promise<BuiltBundle[]> {
  const functions = await Promise.all(MEASURED_FUNCTIONS.map((name) => buildBundle(name, handlerEntry(name), outdir, bundling)));
  const floors = [
    ...MEASURED_FUNCTIONS.map((name, i) => ({ name: clientsOnlyName(name), entry: writeClientsOnlyEntry(name, outdir, functions[i]) })),
    ...MEASURED_FUNCTIONS.map((name, i) => ({ name: platformFloorName(name), entry: writeClientsOnlyEntry(name, outdir, functions[i], true) })),
    { name: HELLO_WORLD, entry: HELLO_WORLD_ENTRY },
  ];
  return [...functions, ...(await Promise.all(floors.map(({ name, entry }) => buildBundle(name, entry, outdir, bundling))))];
}
