import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A new folder inside the test run's scratch space (removed when the run
 * ends), or inside the OS temp folder when run outside the global setup.
 */
export function scratchDir(prefix: string): string {
  return mkdtempSync(path.join(process.env.NEWSROOM_TEST_SCRATCH ?? tmpdir(), prefix));
}
