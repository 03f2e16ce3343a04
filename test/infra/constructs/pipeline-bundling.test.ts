import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type BuiltBundle } from '../../../bench/size/build-bundles';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { parseMarkdown } from '../../../shared/domain/text';

const run = promisify(execFile);

const DRAFT_BODY = [
  '# Storm closes the harbour',
  '',
  'See https://example.com/live and [the map](https://example.com/map "Map"), or <https://example.com/auto>.',
  '',
  '| Pier | Status |',
  '| --- | --- |',
  '| North | ~~open~~ closed |',
  '',
  '![A crane](https://example.com/crane.jpg) &amp; &copy; 2026',
].join('\n');

let outdir: string;
let bundle: BuiltBundle;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-bundling-'));
  bundle = await buildBundle('markdown-handler', path.join(PROJECT_ROOT, 'test/infra/fixtures/markdown-handler.ts'), outdir);
}, 120_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the site parser in a function bundle', () => {
  it('carries no linkify-it, which the parser never calls', () => {
    expect(bundle.inputs.filter((file) => file.includes('node_modules/linkify-it/'))).toEqual([]);
  });

  it('parses a draft body to the same tokens as the source modules', async () => {
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
      process.stdout.write(handler(${JSON.stringify(DRAFT_BODY)}));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' } });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(parseMarkdown(DRAFT_BODY))));
  });
});
