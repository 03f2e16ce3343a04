import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { PROJECT_ROOT, functionEntry } from '../../infra/config/paths';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { PIPELINE_BUNDLING } from '../../infra/constructs/pipeline-function';
import { toEsbuildOptions } from './esbuild-options';

/** The functions the CDK app deploys today, measured by the size benchmark. */
export const MEASURED_FUNCTIONS = ['ingest-draft', 'render-site', 'notify-subscribers', 'publish-scheduled'] as const;

/** Name of the baseline bundle in the report. */
export const HELLO_WORLD = 'hello-world';

/** The hello-world handler bundled as the baseline. */
export const HELLO_WORLD_ENTRY = path.join(PROJECT_ROOT, 'test/infra/fixtures/hello-handler.ts');

/** Name of the floor bundle in the report: a handler that only creates the S3 and DynamoDB clients. */
export const CLIENTS_ONLY = 'clients-only';

/** The clients-only handler bundled as the floor. */
export const CLIENTS_ONLY_ENTRY = path.join(PROJECT_ROOT, 'bench/size/fixtures/clients-only-handler.ts');

/** The baselines every report shows beside the functions: the floor, then hello-world. */
export const BASELINES: readonly { readonly name: string; readonly entry: string }[] = [
  { name: CLIENTS_ONLY, entry: CLIENTS_ONLY_ENTRY },
  { name: HELLO_WORLD, entry: HELLO_WORLD_ENTRY },
];

/**
 * The pipeline's bundling with the AWS SDK inlined instead of left to the
 * runtime: the alternative packaging the size report measures beside the
 * deployed one.
 */
export const SDK_INLINED_BUNDLING: BundlingOptions = { ...PIPELINE_BUNDLING, externalModules: [] };

/**
 * Where bundles are written: inside the repository so that the bundles'
 * `@aws-sdk/*` imports resolve from its `node_modules`, as the Lambda runtime
 * resolves them from its own copy.
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
  /** The externalized packages the bundle imports at load (the runtime's `@aws-sdk/*`; Node.js built-ins aside), sorted. */
  readonly externalImports: readonly string[];
  /** The externalized packages the bundle imports only when a code path needs them (`import()`), sorted. */
  readonly lazyImports: readonly string[];
  /** The source files inlined in the bundle, relative to the project root. */
  readonly inputs: readonly string[];
  /** The bundle's ES module exports (`handler`); empty for a non-ESM bundle. */
  readonly exports: readonly string[];
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
  const file = path.join(outdir, name, 'index.mjs');
  // CDK runs esbuild in the project root.
  const result = await build({ ...toEsbuildOptions(bundling, entry, file), absWorkingDir: PROJECT_ROOT, metafile: true });
  const externals = new Set<string>();
  const lazy = new Set<string>();
  for (const input of Object.values(result.metafile.inputs)) {
    for (const imported of input.imports) {
      if (!imported.external || isBuiltin(imported.path)) continue;
      (imported.kind === 'dynamic-import' ? lazy : externals).add(imported.path);
    }
  }
  const code = readFileSync(file);
  const output = result.metafile.outputs[path.relative(PROJECT_ROOT, file)];
  return {
    name,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code, { level: 9 }).length,
    externalImports: [...externals].sort(),
    lazyImports: [...lazy].filter((specifier) => !externals.has(specifier)).sort(),
    inputs: Object.entries(output?.inputs ?? {}).filter(([, v]) => v.bytesInOutput > 0).map(([k]) => k),
    exports: output?.exports ?? [],
  };
}

/**
 * Builds every measured function's bundle, then the {@link BASELINES}
 * (hello-world last), all with `bundling`.
 *
 * @param outdir @default BUNDLE_DIR
 * @param bundling @default PIPELINE_BUNDLING
 */
export async function buildAllBundles(outdir: string = BUNDLE_DIR, bundling: BundlingOptions = PIPELINE_BUNDLING): Promise<BuiltBundle[]> {
  const entries = [...MEASURED_FUNCTIONS.map((name) => ({ name, entry: functionEntry(name) })), ...BASELINES];
  return Promise.all(entries.map(({ name, entry }) => buildBundle(name, entry, outdir, bundling)));
}
