import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../bench/size/build-bundles';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { PipelineFunction } from '../../../infra/constructs/pipeline-function';
import { scratchDir } from '../../support/scratch-dir';

// Between them they reach every alias of PIPELINE_BUNDLING (X-Ray SDK, linkify-it, entities, yaml) and the source-map hook.
const FIXTURES = ['traced-handler', 'markdown-handler', 'yaml-handler'] as const;

describe('the size benchmark’s bundles', () => {
  it('are byte for byte what CDK bundles for a PipelineFunction: code and source map', async () => {
    const app = new App({ outdir: scratchDir('cdk.out-') });
    const stack = new Stack(app, 'Bundles');
    for (const name of FIXTURES) {
      new PipelineFunction(stack, name, { entry: path.join(PROJECT_ROOT, 'test/infra/fixtures', `${name}.ts`), serviceName: name });
    }
    const assembly = app.synth();
    const cdkAssets = readdirSync(assembly.directory)
      .filter((entry) => entry.startsWith('asset.'))
      .map((entry) => path.join(assembly.directory, entry));
    const fromCdk = cdkAssets.map((dir) => readFileSync(path.join(dir, 'index.mjs'), 'utf8')).sort();
    const outdir = scratchDir('bench-bundles-');
    const fromBench = await Promise.all(
      FIXTURES.map((name) => buildBundle(name, path.join(PROJECT_ROOT, 'test/infra/fixtures', `${name}.ts`), outdir)),
    );
    expect(fromCdk).toEqual(fromBench.map((bundle) => readFileSync(bundle.file, 'utf8')).sort());
    // Sources are relative to each map's folder, so compare what the maps map, not where they lie.
    const mapped = (file: string) => {
      const { mappings, names, sources } = JSON.parse(readFileSync(file, 'utf8')) as { mappings: string; names: string[]; sources: string[] };
      return { mappings, names, sources: sources.map((source) => path.relative(PROJECT_ROOT, path.resolve(path.dirname(file), source))) };
    };
    expect(cdkAssets.map((dir) => mapped(path.join(dir, 'index.mjs.map'))).sort((a, b) => a.mappings.localeCompare(b.mappings))).toEqual(
      fromBench.map((bundle) => mapped(`${bundle.file}.map`)).sort((a, b) => a.mappings.localeCompare(b.mappings)),
    );
  }, 180_000);
});
