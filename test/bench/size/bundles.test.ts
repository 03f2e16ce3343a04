import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAllBundles,
  buildBundle,
  type BuiltBundle,
  clientFactoriesOf,
  clientsOnlyName,
  HELLO_WORLD,
  MEASURED_FUNCTIONS,
  packageOf,
  platformFloorName,
} from '../../../bench/size/build-bundles';
import { measureLoadOnce } from '../../../bench/size/load-time';
import { BUNDLE_BUDGET_KB } from '../../../bench/size/size-benchmark';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { LAZY_CHUNKS } from '../../../shared/config/lazy-chunks';

const run = promisify(execFile);

let outdir: string;
let bundles: Map<string, BuiltBundle>;

beforeAll(async () => {
  outdir = mkdtempSync(path.join(tmpdir(), 'newsroom-size-'));
  bundles = new Map((await buildAllBundles(outdir)).map((b) => [b.name, b]));
}, 240_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

describe.each(MEASURED_FUNCTIONS)('the %s bundle', (name) => {
  const bundle = () => bundles.get(name)!;

  it('is an ES module exporting handler', () => {
    expect(bundle().exports).toEqual(['handler']);
    expect(readFileSync(bundle().file, 'utf8')).not.toMatch(/\bmodule\.exports\s*=/);
  });

  it('carries its own AWS SDK: it imports no package at run time', () => {
    expect(bundle().inputs.some((file) => file.includes('node_modules/@aws-sdk/'))).toBe(true);
    expect(bundle().externalImports).toEqual([]);
  });

  it('inlines no part of the classic zod API (only zod/mini)', () => {
    expect(bundle().inputs.filter((file) => file.includes('node_modules/zod/v4/classic/'))).toEqual([]);
  });

  it('inlines no zod locale but English', () => {
    const locales = bundle().inputs.filter((file) => file.includes('node_modules/zod/v4/locales/'));
    expect(locales.filter((file) => !file.endsWith('/en.js'))).toEqual([]);
  });

  it('inlines no second copy (CommonJS beside ESM) of a package', () => {
    const builds = new Map<string, Set<string>>();
    for (const file of bundle().inputs) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:lib|dist|build)\/(esm|cjs)\//.exec(file);
      if (match) builds.set(match[1]!, (builds.get(match[1]!) ?? new Set()).add(match[2]!));
    }
    expect([...builds].filter(([, kinds]) => kinds.size > 1).map(([pkg]) => pkg)).toEqual([]);
  });

  it('loads in a fresh process with the environment its stack gives it (as the size report measures it)', async () => {
    await expect(measureLoadOnce({ name, modules: [bundle().file] }, PROJECT_ROOT)).resolves.toMatchObject({ importMs: expect.any(Number) });
  });

  it(`is at most ${BUNDLE_BUDGET_KB} KB minified`, () => {
    expect(bundle().bytes).toBeLessThanOrEqual(BUNDLE_BUDGET_KB * 1024);
  });
});

describe('the bundles with markdown-it', () => {
  it('leave out the entities encode table markdown-it never uses', () => {
    const withMarkdown = [...bundles.values()].filter((b) => b.inputs.some((f) => f.includes('node_modules/markdown-it/')));
    expect(withMarkdown.length).toBeGreaterThan(0);
    for (const bundle of withMarkdown) expect(bundle.inputs.filter((f) => /entities\/lib\/(esm\/)?generated\/encode/.test(f))).toEqual([]);
  });
});

describe('the ingest-draft bundle', () => {
  it('keeps the Bedrock client out of index.mjs, in a chunk beside it for stages that turn Bedrock takeaways on', () => {
    const ingest = bundles.get('ingest-draft')!;
    expect(ingest.inputs.filter((file) => file.includes('node_modules/@aws-sdk/client-bedrock-runtime/'))).toEqual([]);
    expect(ingest.chunks.map((chunk) => chunk.file)).toContain(LAZY_CHUNKS.bedrockConverse.file);
    expect(readFileSync(path.join(path.dirname(ingest.file), LAZY_CHUNKS.bedrockConverse.file), 'utf8')).toContain('bedrock');
    expect(bundles.get(clientsOnlyName('ingest-draft'))!.inputs.filter((file) => file.includes('bedrock'))).toEqual([]);
  });
});

describe.each(Object.values(LAZY_CHUNKS).map((chunk) => [chunk.file, chunk] as const))('the lazy chunk %s', (file) => {
  it('is written beside only the bundles that name it', () => {
    const withChunk = MEASURED_FUNCTIONS.filter((name) => bundles.get(name)!.chunks.some((chunk) => chunk.file === file));
    const naming = MEASURED_FUNCTIONS.filter((name) => readFileSync(bundles.get(name)!.file, 'utf8').includes(file));
    expect(withChunk).toEqual(naming);
    expect(withChunk.length).toBeGreaterThan(0);
  });
});

describe('the lazy Bedrock chunk', () => {
  it('is what a bundle loads from beside it: the Bedrock client is created from the chunk, in a fresh process', async () => {
    const bundle = await buildBundle('bedrock-handler', path.join(PROJECT_ROOT, 'test/infra/fixtures/bedrock-handler.ts'), outdir);
    expect(bundle.inputs.filter((file) => file.includes('client-bedrock-runtime'))).toEqual([]);
    const script = `const { handler } = await import(${JSON.stringify(pathToFileURL(bundle.file).href)});
      const client = await handler({ AWS_ENDPOINT_URL_BEDROCK_RUNTIME: 'http://127.0.0.1:9' });
      process.stdout.write(typeof client.converse);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
      env: { PATH: process.env.PATH ?? '', AWS_REGION: 'us-east-1' },
    });
    expect(stdout).toBe('function');
  });
});

describe('the ingest-draft bundle, on a cold start', () => {
  it('keeps the preview page renderer and image-size out of index.mjs, in chunks beside it for the drafts that need them', async () => {
    const ingest = bundles.get('ingest-draft')!;
    expect(
      ingest.inputs.filter((file) => file.includes('node_modules/image-size/') || file.endsWith('shared/domain/render/article-page.ts')),
    ).toEqual([]);
    expect(ingest.chunks.map((chunk) => chunk.file)).toEqual(expect.arrayContaining([LAZY_CHUNKS.articlePage.file, LAZY_CHUNKS.imageSize.file]));
    const chunkUrl = (file: string) => JSON.stringify(pathToFileURL(path.join(path.dirname(ingest.file), file)).href);
    const script = `const page = await import(${chunkUrl(LAZY_CHUNKS.articlePage.file)}); const size = await import(${chunkUrl(LAZY_CHUNKS.imageSize.file)});
      process.stdout.write([typeof page.renderArticlePage, typeof size.imageSize].join());`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(stdout).toBe('function,function');
  });
});

describe('the reconcile-pipeline bundle, on a cold start', () => {
  it('keeps the publish path (Markdown terms, markdown-it) out of index.mjs, in a chunk beside it for a pass that meets a missed schedule', async () => {
    const reconcile = bundles.get('reconcile-pipeline')!;
    expect(reconcile.inputs.filter((file) => file.includes('node_modules/markdown-it/') || file.startsWith('shared/domain/text/'))).toEqual([]);
    expect(reconcile.chunks.map((chunk) => chunk.file)).toEqual([LAZY_CHUNKS.publishScheduled.file]);
    const chunk = pathToFileURL(path.join(path.dirname(reconcile.file), LAZY_CHUNKS.publishScheduled.file)).href;
    const { stdout } = await run(process.execPath, [
      '--input-type=module',
      '-e',
      `process.stdout.write(typeof (await import(${JSON.stringify(chunk)})).publishScheduled)`,
    ]);
    expect(stdout).toBe('function');
  });
});

describe('the triage-draft bundle, on a cold start', () => {
  it('keeps yaml out of index.mjs, in a chunk beside it for front matter that could declare a draft breaking', async () => {
    const triage = bundles.get('triage-draft')!;
    expect(triage.inputs.filter((file) => file.includes('node_modules/yaml/'))).toEqual([]);
    expect(triage.chunks.map((chunk) => chunk.file)).toEqual([LAZY_CHUNKS.yamlParse.file]);
    const chunk = pathToFileURL(path.join(path.dirname(triage.file), LAZY_CHUNKS.yamlParse.file)).href;
    const script = `const { parse } = await import(${JSON.stringify(chunk)}); process.stdout.write(JSON.stringify(parse('breaking: true')));`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script]);
    expect(JSON.parse(stdout)).toEqual({ breaking: true });
  });
});

describe('the measured functions', () => {
  it('are every function the CDK app deploys (each folder under functions/)', () => {
    const folders = readdirSync(path.join(PROJECT_ROOT, 'functions'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect([...MEASURED_FUNCTIONS].sort()).toEqual(folders.map((entry) => entry.name).sort());
  });
});

describe('X-Ray tracing of AWS SDK calls', () => {
  it('is in every function', () => {
    const untraced = MEASURED_FUNCTIONS.filter((name) => !bundles.get(name)!.inputs.some((file) => file.includes('node_modules/aws-xray-sdk-core/')));
    expect(untraced).toEqual([]);
  });
});

describe.each(MEASURED_FUNCTIONS)('the clients-only floor of %s', (name) => {
  it('bundles only packages the function bundles too, and no pipeline code beyond client configuration', () => {
    const floor = bundles.get(clientsOnlyName(name))!;
    const own = new Set(bundles.get(name)!.inputs.flatMap((file) => packageOf(file) ?? []));
    const floorPackages = new Set(floor.inputs.flatMap((file) => packageOf(file) ?? []));
    expect([...floorPackages].filter((pkg) => !own.has(pkg))).toEqual([]);
    const projectFiles = floor.inputs.filter((file) => !file.includes('node_modules/') && !file.includes('/entries/'));
    expect(projectFiles.filter((file) => !/^(shared\/config|events)\//.test(file))).toEqual([]);
  });
});

describe.each(MEASURED_FUNCTIONS)('the platform floor of %s', (name) => {
  it('bundles only packages the function bundles too, and no project code beyond client configuration and the runtime helpers', () => {
    const floor = bundles.get(platformFloorName(name))!;
    const own = new Set(bundles.get(name)!.inputs.flatMap((file) => packageOf(file) ?? []));
    expect([...new Set(floor.inputs.flatMap((file) => packageOf(file) ?? []))].filter((pkg) => !own.has(pkg))).toEqual([]);
    const projectFiles = floor.inputs.filter((file) => !file.includes('node_modules/') && !file.includes('/entries/'));
    expect(projectFiles.filter((file) => !/^(shared\/config|shared\/runtime|events)\//.test(file))).toEqual([]);
  });

  it('records Powertools Metrics exactly when the function does', () => {
    const metrics = (bundle: string) => bundles.get(bundle)!.inputs.some((file) => file.includes('node_modules/@aws-lambda-powertools/metrics/'));
    expect(metrics(platformFloorName(name))).toBe(metrics(name));
  });
});

describe('clientFactoriesOf', () => {
  it('finds the client factories a handler imports, and only those', () => {
    const source = [
      "import { createS3Client } from '../../shared/config/clients/s3-client';",
      "import { createSchedulerClient, readPublishSchedulingConfig } from '../../shared/config/clients/scheduler-client';",
      "import { readRuntimeConfig } from '../../shared/config/runtime-config';",
    ].join('\n');
    expect(clientFactoriesOf(source).map(({ factory }) => factory)).toEqual(['createS3Client', 'createSchedulerClient']);
  });
});

describe('the hello-world baseline', () => {
  it('is built with the same options: an ES module under 1 KB', () => {
    const hello = bundles.get(HELLO_WORLD)!;
    expect(hello.exports).toEqual(['handler']);
    expect(hello.bytes).toBeLessThan(1024);
  });
});
