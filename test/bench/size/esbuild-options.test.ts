import { describe, expect, it } from 'vitest';
import { PIPELINE_BUNDLING, PIPELINE_RUNTIME } from '../../../infra/constructs/pipeline-function';
import { toEsbuildOptions, UnsupportedBundlingOptionError } from '../../../bench/size/esbuild-options';

describe('toEsbuildOptions', () => {
  it('builds the pipeline bundles as minified ESM for the runtime with the AWS SDK bundled', () => {
    const options = toEsbuildOptions(PIPELINE_BUNDLING, '/p/functions/x/handler.ts', '/out/x/index.mjs');
    expect(options).toMatchObject({
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: PIPELINE_RUNTIME.name.replace(/^nodejs(\d+)\.x$/, 'node$1'),
      minify: true,
      sourcemap: true,
      external: [],
      outfile: '/out/x/index.mjs',
    });
  });

  it('turns the construct esbuildArgs into API options', () => {
    const options = toEsbuildOptions({ esbuildArgs: { '--charset': 'utf8', '--alias': 'a=b' } }, '/e.ts', '/o.mjs');
    expect(options.charset).toBe('utf8');
    expect(options.alias).toEqual({ a: 'b' });
  });

  it('turns a list of aliases into one API alias each, as CDK writes one --alias:from=to each', () => {
    const options = toEsbuildOptions({ esbuildArgs: { '--alias': ['a=b', 'c=./d.ts'] } }, '/e.ts', '/o.mjs');
    expect(options.alias).toEqual({ a: 'b', c: './d.ts' });
  });

  it('refuses a bundling option it cannot reproduce', () => {
    expect(() => toEsbuildOptions({ loader: { '.png': 'dataurl' } }, '/e.ts', '/o.mjs')).toThrow(UnsupportedBundlingOptionError);
    expect(() => toEsbuildOptions({ esbuildArgs: { '--drop': 'console' } }, '/e.ts', '/o.mjs')).toThrow(UnsupportedBundlingOptionError);
  });
});
