import { join } from 'node:path';
import { freePort } from '../../infra/local/free-port';
import { localPaths } from '../../infra/local/local-paths';
import { startS3Local } from '../../infra/local/s3-local';

/**
 * s3rver as the stack ran it before its per-request overhead was cut (atomic
 * writes only; every event parsed), in a process of its own beside the
 * stack's, so the ceilings bench can put its PUT rate next to the lean one.
 * Prints its endpoint, then runs until stdin closes.
 */
async function main(): Promise<void> {
  const s3 = await startS3Local({
    directory: join(localPaths().home, 'stock-s3'),
    port: await freePort(),
    buckets: [],
    lean: false,
    onEvent: () => undefined,
  });
  console.log(s3.endpoint);
  process.stdin.resume();
  process.stdin.once('end', () => void s3.stop().then(() => process.exit(0)));
}

await main();
