/** The shell commands the pipeline bundling runs after esbuild: the lazy chunks, then the source-map trim. */
import path from 'node:path';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LAZY_CHUNKS } from '../../shared/config/lazy-chunks';

const quote = (arg: string): string => `'${arg.replaceAll("'", "'\\''")}'`;

/** The esbuild command-line flags equal to `bundling`'s own (format, target, minify, banner, define, esbuildArgs…). */
function esbuildFlags(bundling: BundlingOptions): string[] {
  const flags = ['--bundle', `--platform=${bundling.platform ?? 'node'}`, `--format=${bundling.format ?? 'cjs'}`];
  if (bundling.target) flags.push(`--target=${bundling.target}`);
  if (bundling.mainFields) flags.push(`--main-fields=${bundling.mainFields.join(',')}`);
  if (bundling.minify) flags.push('--minify');
  if (bundling.sourceMap) flags.push('--sourcemap', `--sources-content=${bundling.sourcesContent ?? true}`);
  if (bundling.banner) flags.push(`--banner:js=${bundling.banner}`);
  for (const [name, value] of Object.entries(bundling.define ?? {})) flags.push(`--define:${name}=${value}`);
  for (const external of bundling.externalModules ?? []) flags.push(`--external:${external}`);
  for (const [flag, value] of Object.entries(bundling.esbuildArgs ?? {})) {
    // As CDK writes them: a list item by item as `--flag:item` (`--alias:from=to`), `--alias` alone as `--alias:from=to`, the others as `--flag=value`.
    for (const item of Array.isArray(value) ? value : [value]) {
      if (flag === '--alias' || Array.isArray(value)) flags.push(`${flag}:${String(item)}`);
      else flags.push(item === true ? flag : `${flag}=${String(item)}`);
    }
  }
  return flags;
}

/**
 * The shell commands, run after CDK's own esbuild, that build each of
 * {@link LAZY_CHUNKS} that the function's `index.mjs` names, with the same
 * settings, into its file beside it.
 *
 * @param inputDir the project root (CDK's `commandHooks` input directory)
 * @param outputDir the function's asset directory
 */
export function lazyChunkCommands(bundling: BundlingOptions, inputDir: string, outputDir: string): string[] {
  const esbuild = path.join(inputDir, 'node_modules', '.bin', 'esbuild');
  const bundle = path.join(outputDir, 'index.mjs');
  return Object.values(LAZY_CHUNKS).map((chunk) => {
    const build = [
      esbuild,
      path.join(inputDir, chunk.source),
      ...esbuildFlags(bundling),
      '--log-level=warning',
      `--outfile=${path.join(outputDir, chunk.file)}`,
    ];
    return `if grep -qF ${quote(chunk.file)} ${quote(bundle)}; then ${build.map(quote).join(' ')}; fi`;
  });
}

/**
 * The shell command, run after the bundle and its lazy chunks are built, that
 * trims their source maps to the project's own code (`scripts/trim-source-maps.ts`,
 * see `trimSourceMap`): Node reads each map whole at load.
 *
 * @param inputDir the project root (CDK's `commandHooks` input directory)
 * @param outputDir the function's asset directory
 */
export function trimSourceMapsCommand(inputDir: string, outputDir: string): string {
  return [path.join(inputDir, 'node_modules', '.bin', 'tsx'), path.join(inputDir, 'scripts', 'trim-source-maps.ts'), outputDir].map(quote).join(' ');
}
