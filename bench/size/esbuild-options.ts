import type { BuildOptions } from 'esbuild';
import type { BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/** The `esbuildArgs` flags {@link toEsbuildOptions} understands, as esbuild API options. */
const ESBUILD_ARGS: Readonly<Record<string, (value: string | boolean | readonly string[], options: BuildOptions) => void>> = {
  '--charset': (value, options) => {
    if (value !== 'utf8' && value !== 'ascii') throw new UnsupportedBundlingOptionError(`--charset=${String(value)}`);
    options.charset = value;
  },
  // CDK passes each item of a list as its own `--alias:from=to`.
  '--alias': (value, options) => {
    for (const item of typeof value === 'string' ? [value] : Array.isArray(value) ? value : [String(value)]) {
      const [from, to] = item.split('=');
      if (!from || !to) throw new UnsupportedBundlingOptionError(`--alias:${item}`);
      options.alias = { ...options.alias, [from]: to };
    }
  },
  '--legal-comments': (value, options) => {
    options.legalComments = String(value) as BuildOptions['legalComments'];
  },
};

/** A CDK bundling option that the size benchmark cannot reproduce, so its bundles would differ from CDK's. */
export class UnsupportedBundlingOptionError extends Error {
  constructor(option: string) {
    super(`bench/size cannot reproduce the CDK bundling option ${option}; teach toEsbuildOptions about it`);
    this.name = 'UnsupportedBundlingOptionError';
  }
}

/**
 * The esbuild API options equal to the command line that CDK's `NodejsFunction`
 * runs for `bundling` (`esbuild --bundle <entry> --target=… --platform=node
 * --format=… --minify --sourcemap …`), writing `outfile`. Every bundling prop
 * it does not know throws {@link UnsupportedBundlingOptionError}, so the
 * benchmark never measures a bundle that CDK would build differently.
 *
 * @param bundling the construct's bundling options (`PIPELINE_BUNDLING`)
 * @param entry absolute path of the handler file
 * @param outfile absolute path of the bundle to write (`.mjs` for ESM)
 */
export function toEsbuildOptions(bundling: BundlingOptions, entry: string, outfile: string): BuildOptions {
  const options: BuildOptions = { entryPoints: [entry], outfile, bundle: true, logLevel: 'warning' };
  for (const [key, value] of Object.entries(bundling)) {
    if (value === undefined) continue;
    switch (key) {
      case 'format':
        options.format = value === 'esm' ? 'esm' : 'cjs';
        break;
      case 'target':
        options.target = String(value);
        break;
      case 'platform':
        options.platform = value as BuildOptions['platform'];
        break;
      case 'mainFields':
        options.mainFields = [...(value as string[])];
        break;
      case 'minify':
        options.minify = Boolean(value);
        break;
      case 'sourceMap':
        options.sourcemap = Boolean(value);
        break;
      case 'sourcesContent':
        options.sourcesContent = Boolean(value);
        break;
      case 'banner':
        options.banner = { js: String(value) };
        break;
      case 'define':
        options.define = { ...(value as Record<string, string>) };
        break;
      case 'commandHooks':
        // Shell commands around esbuild, not esbuild options: `buildBundle` runs them as CDK does.
        break;
      case 'externalModules':
        options.external = [...(value as string[])];
        break;
      case 'esbuildArgs':
        for (const [flag, flagValue] of Object.entries(value as Record<string, string | boolean | string[]>)) {
          const apply = ESBUILD_ARGS[flag];
          if (!apply) throw new UnsupportedBundlingOptionError(flag);
          apply(flagValue, options);
        }
        break;
      case 'forceDockerBundling':
        if (value === true) throw new UnsupportedBundlingOptionError('forceDockerBundling: true');
        break;
      default:
        throw new UnsupportedBundlingOptionError(key);
    }
  }
  return options;
}
