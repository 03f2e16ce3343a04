import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, type BuiltBundle } from '../../../bench/size/build-bundles';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { readYamlTree } from '../../../shared/domain/draft/yaml-tree';
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

const FRONT_MATTER = [
  'title: "Storm closes the harbour"',
  'section: &local Local',
  'also: *local',
  'tags: [weather, harbour]',
  'publishAt: 2026-12-02T10:00:00Z',
  'summary: >',
  '  Folded text',
  '  over two lines.',
].join('\n');

let outdir: string;
let markdownBundle: BuiltBundle;
let yamlBundle: BuiltBundle;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-bundling-'));
  const fixture = (name: string) => path.join(PROJECT_ROOT, 'test/infra/fixtures', `${name}.ts`);
  [markdownBundle, yamlBundle] = await Promise.all([
    buildBundle('markdown-handler', fixture('markdown-handler'), outdir),
    buildBundle('yaml-handler', fixture('yaml-handler'), outdir),
  ]);
}, 120_000);

/** What a bundle's `handler(input)` returns in a fresh process. */
async function runBundled(bundle: BuiltBundle, input: string): Promise<string> {
  const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
    process.stdout.write(handler(${JSON.stringify(input)}));`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' } });
  return stdout;
}

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe('the site parser in a function bundle', () => {
  it('carries no linkify-it, which the parser never calls', () => {
    expect(markdownBundle.inputs.filter((file) => file.includes('node_modules/linkify-it/'))).toEqual([]);
  });

  it("builds entities' decode table on the first named character reference a text holds, not at load", async () => {
    // entities builds its table by splitting one long string into characters; count such splits before and after a parse.
    const script = `const split = String.prototype.split;
      let tables = 0;
      String.prototype.split = function (separator, limit) { if (separator === '' && this.length > 10000) tables += 1; return split.call(this, separator, limit); };
      const { handler } = await import(${JSON.stringify(pathToFileURL(markdownBundle.file).href)});
      const atLoad = tables;
      handler('No reference here.');
      const withoutReference = tables;
      handler('Fish &amp; chips');
      process.stdout.write(JSON.stringify([atLoad, withoutReference, tables]));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH ?? '' } });
    expect(JSON.parse(stdout)).toEqual([0, 0, 1]);
  });

  it('parses a draft body to the same tokens as the source modules', async () => {
    expect(JSON.parse(await runBundled(markdownBundle, DRAFT_BODY))).toEqual(JSON.parse(JSON.stringify(parseMarkdown(DRAFT_BODY))));
  });
});

describe('the front matter reader in a function bundle', () => {
  it("carries yaml's ES module build, not its CommonJS one", () => {
    const yamlFiles = yamlBundle.inputs.filter((file) => file.includes('node_modules/yaml/'));
    expect(yamlFiles.length).toBeGreaterThan(0);
    expect(yamlFiles.filter((file) => !file.startsWith('node_modules/yaml/browser/'))).toEqual([]);
  });

  it.each([
    ['front matter (anchors, a flow list, folded text)', FRONT_MATTER],
    ['front matter with a duplicate key', `${FRONT_MATTER}\ntitle: again`],
  ])('reads %s as the source modules do', async (_, source) => {
    const tree = readYamlTree(source, 1, 'YAML');
    const fromSource = JSON.parse(JSON.stringify({ ...tree, lines: [...tree.lines] }));
    expect(JSON.parse(await runBundled(yamlBundle, source))).toEqual(fromSource);
  });
});
