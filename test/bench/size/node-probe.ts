import { copyFileSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { LoadTarget } from '../../../bench/size/load-time';
import { scratchDir } from '../../support/scratch-dir';

/** A scratch folder removed when the current test finishes (a copied binary is ~120 MB). */
function testDir(prefix: string): string {
  const dir = scratchDir(prefix);
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A Node.js binary at a path of its own (removed after the test): this process's, hard-linked (copied across file systems). A process started on
 * it reports that path as its `process.execPath`, so a test can tell which binary a benchmark process ran on.
 */
export function nodeAtOwnPath(): string {
  const node = path.join(testDir('bench-node-'), 'node');
  try {
    linkSync(process.execPath, node);
  } catch {
    copyFileSync(process.execPath, node);
  }
  return node;
}

/** A load target whose module records the binary and version of the process that imports it; `seen()` reads them. */
export function nodeProbe(): { readonly target: LoadTarget; readonly seen: () => { execPath: string; version: string } } {
  const dir = testDir('bench-probe-');
  const record = path.join(dir, 'seen.json');
  const module = path.join(dir, 'probe.mjs');
  writeFileSync(
    module,
    `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(record)}, JSON.stringify({ execPath: process.execPath, version: process.version }));\n`,
  );
  return { target: { name: 'probe', modules: [module], nodeOptions: '' }, seen: () => JSON.parse(readFileSync(record, 'utf8')) };
}
