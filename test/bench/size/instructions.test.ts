import { describe, expect, it } from 'vitest';
import { collectedInstructions, countInstructions, valgrindVersion } from '../../../bench/size/instructions';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { nodeAtOwnPath, nodeProbe } from './node-probe';

const CALLGRIND_STDERR = [
  '==4242== Callgrind, a call-graph generating cache profiler',
  '==4242== Events    : Ir',
  '==4242== Collected : 812345678',
  '==4242== ',
  '==4242== I   refs:      812,345,678',
].join('\n');

describe('collectedInstructions', () => {
  it("reads callgrind's total instruction count", () => {
    expect(collectedInstructions(CALLGRIND_STDERR)).toBe(812_345_678);
  });

  it('refuses output without a count, rather than report zero', () => {
    expect(() => collectedInstructions('==4242== Callgrind, a call-graph generating cache profiler\n')).toThrow(/No instruction count/);
  });
});

const valgrind = await valgrindVersion();

describe.skipIf(!valgrind)('countInstructions (valgrind installed)', () => {
  it('counts the same process twice alike (within 0.5%), and more for a process that loads more', async () => {
    const bare = { name: 'bare', modules: [], nodeOptions: '' };
    const loaded = { name: 'loaded', modules: ['node:zlib', 'node:http2', 'node:crypto'], nodeOptions: '' };
    const first = await countInstructions(bare, PROJECT_ROOT);
    const second = await countInstructions(bare, PROJECT_ROOT);
    const more = await countInstructions(loaded, PROJECT_ROOT);
    expect(Math.abs(first - second) / first).toBeLessThan(0.005);
    expect(more).toBeGreaterThan(Math.max(first, second) * 1.1);
  }, 300_000);

  it('counts a process of the Node.js binary it is given', async () => {
    const node = nodeAtOwnPath();
    const probe = nodeProbe();
    await countInstructions(probe.target, PROJECT_ROOT, node);
    expect(probe.seen().execPath).toBe(node);
  }, 120_000);
});
