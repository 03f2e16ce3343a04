import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { encode } from '@jridgewell/sourcemap-codec';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../bench/size/build-bundles';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { PIPELINE_NODE_OPTIONS } from '../../../infra/constructs/pipeline-function';
import { type SourceMapV3, trimSourceMap } from '../../../infra/constructs/trim-source-maps';

const run = promisify(execFile);

describe('trimSourceMap', () => {
  // Generated line 0: columns 0-9 from the project, 10-29 from a package, 30-39 from the project again (with a name), 40- from a URL.
  const map: SourceMapV3 = {
    version: 3,
    sources: ['../../node_modules/pkg/index.js', '../../shared/domain/x.ts', 'https://example.com/pkg/src/index.ts'],
    names: ['inPackage', 'own'],
    mappings: encode([
      [
        [0, 1, 4, 2],
        [10, 0, 100, 0, 0],
        [20, 0, 120, 0],
        [30, 1, 8, 0, 1],
        [40, 2, 3, 0],
      ],
    ]),
  };
  const raw = trimSourceMap(map, '/repo/cdk.out/asset');
  const trimmed = new SourceMap({ ...raw, file: 'index.mjs', sourceRoot: '', sourcesContent: [], sources: [...raw.sources], names: [...raw.names] });

  it("keeps the project's mappings, with their names", () => {
    expect(trimmed.findEntry(0, 5)).toMatchObject({ originalSource: '../../shared/domain/x.ts', originalLine: 4, originalColumn: 2 });
    expect(trimmed.findEntry(0, 31)).toMatchObject({ originalSource: '../../shared/domain/x.ts', originalLine: 8, name: 'own' });
  });

  it("leaves a package's code (a file under node_modules or a URL) unmapped rather than attributed to the project code before it", () => {
    for (const column of [10, 15, 25, 45]) expect(trimmed.findEntry(0, column)).not.toMatchObject({ originalSource: expect.anything() });
  });

  it('lists only the sources and names still mapped', () => {
    expect(raw.sources).toEqual(['../../shared/domain/x.ts']);
    expect(raw.names).toEqual(['own']);
  });
});

describe('a pipeline bundle, with the functions’ NODE_OPTIONS', () => {
  const outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-maps-'));
  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('maps a stack trace to the project source and shows package frames at their bundle position', async () => {
    const bundle = await buildBundle('stack-crossing', path.join(PROJECT_ROOT, 'test/infra/fixtures/stack-crossing-handler.ts'), outdir);
    const map = JSON.parse(readFileSync(`${bundle.file}.map`, 'utf8')) as SourceMapV3;
    expect(map.sources.filter((source) => source.includes('node_modules'))).toEqual([]);
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
      try { handler(); } catch (error) { process.stdout.write(error.stack); }`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', NODE_OPTIONS: PIPELINE_NODE_OPTIONS },
    });
    const frames = stdout.split('\n').filter((line) => line.trim().startsWith('at '));
    expect(stdout).toContain('thrown in project code called from zod');
    expect(frames[0]).toMatch(/test\/infra\/fixtures\/stack-crossing-handler\.ts:6:\d+/);
    expect(frames.some((frame) => /stack-crossing-handler\.ts:12:\d+/.test(frame))).toBe(true);
    expect(frames.some((frame) => /index\.mjs:\d+:\d+/.test(frame))).toBe(true);
    expect(frames.filter((frame) => frame.includes('node_modules'))).toEqual([]);
  }, 60_000);
});
