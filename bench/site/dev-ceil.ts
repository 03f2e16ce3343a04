import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts } from '../../infra/local/free-port';
import { startLocalStack } from '../../infra/local/local-stack';
const home = await mkdtemp(join(tmpdir(), 'ceil-'));
const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), ...(await freeStackPorts()) });
try {
  const out = (await promisify(execFile)('node_modules/.bin/tsx', ['bench/site/stand-in-ceilings.ts'], { env: { ...process.env, NEWSROOM_HOME: home, CEILING_ITEMS: '500', CEILING_PUTS: '3000' } })).stdout;
  console.log(out.toString().trim());
} finally { await stack.stop(); await rm(home, { recursive: true, force: true }); }
