import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { PAGE_TYPES, pageSamples } from './page-samples';
import { renderQualitySite } from './site-fixture';

const VNU_JAR = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');
const vnuOutput = z.object({
  messages: z.array(z.object({ type: z.string(), url: z.string().optional(), message: z.string(), subType: z.string().optional() })),
});

let dir = '';
let messages: z.infer<typeof vnuOutput>['messages'] = [];
let types: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vnu-'));
  const samples = pageSamples(await renderQualitySite());
  types = Object.keys(samples);
  for (const [type, file] of Object.entries(samples)) await writeFile(join(dir, `${type}.html`), file.body);
  // One Java start for every page type: the checker is slow to start.
  const run = await promisify(execFile)('java', ['-jar', VNU_JAR, '--format', 'json', '--stdout', dir], {
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  messages = vnuOutput.parse(JSON.parse(run.stdout)).messages;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('W3C Nu HTML Checker', () => {
  it('checks every page type', () => {
    const checked = new Set(messages.map((message) => message.url?.replace(/^.*\//, '')));
    expect(types.length).toBeGreaterThanOrEqual(10);
    // vnu reports nothing for a clean file, so compare against the files written instead.
    expect([...checked].every((file) => file === undefined || types.includes(file.replace(/\.html$/, '')))).toBe(true);
  });

  it.each(PAGE_TYPES)('finds zero errors in the %s page', (type) => {
    const errors = messages.filter((message) => (message.type === 'error' || message.subType === 'fatal') && message.url?.endsWith(`/${type}.html`));
    expect(errors).toEqual([]);
  });
});
