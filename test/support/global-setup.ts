import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import type { Endpoints } from '../../infra/local/endpoints';
import { startLocalStack } from '../../infra/local/local-stack';
import { freeStackPorts } from '../../infra/local/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    endpoints: Endpoints;
  }
}

/** Starts one local stack (the same one `npm start` runs) for the whole test run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-test-'));
  const stack = await startLocalStack({
    home,
    draftsDir: join(home, 'drafts'),
    ...(await freeStackPorts()),
    // Held in progress long enough for a test to fill CloudFront's budget and publish while it is full.
    invalidationCompleteAfterMs: 5 * 60_000,
  });
  project.provide('endpoints', stack.endpoints);
  // Scratch space the workers inherit (e.g. CDK assembly folders), removed with the stack's home.
  process.env.NEWSROOM_TEST_SCRATCH = home;
  return async () => {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  };
}
