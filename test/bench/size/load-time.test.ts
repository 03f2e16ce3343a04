import { describe, expect, it } from 'vitest';
import {
  type LoadTarget,
  type LoadTiming,
  measureLoadOnce,
  measureLoadRounds,
  median,
  medianTiming,
  nodeVersion,
  pairedRatio,
  roundOrder,
} from '../../../bench/size/load-time';
import { PROJECT_ROOT } from '../../../infra/config/paths';
import { nodeAtOwnPath, nodeProbe } from './node-probe';

describe('median', () => {
  it('takes the middle value of an odd count', () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it('averages the middle two of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow(RangeError);
  });
});

describe('medianTiming', () => {
  it('takes the median of each figure on its own', () => {
    const timings = [
      { importMs: 1, processMs: 30, cpuMs: 200 },
      { importMs: 3, processMs: 10, cpuMs: 100 },
      { importMs: 2, processMs: 20, cpuMs: 300 },
    ];
    expect(medianTiming(timings)).toEqual({ importMs: 2, processMs: 20, cpuMs: 200 });
  });
});

describe('roundOrder', () => {
  it('rotates a group by one each round, so each target is measured first equally often', () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(['f', 'c', 'p'], round).join(''))).toEqual(['fcp', 'cpf', 'pfc', 'fcp']);
  });
});

describe('measureLoadRounds', () => {
  it("measures a group's targets back to back in every round, and keeps each round's sample at its index", async () => {
    const measured: string[] = [];
    let clock = 0;
    const measure = async (target: LoadTarget): Promise<LoadTiming> => {
      measured.push(target.name);
      clock += 1;
      return { importMs: clock, processMs: clock, cpuMs: clock };
    };
    const group = (name: string) => [name, `${name} floor`].map((n) => ({ name: n, modules: [] }));
    const samples = await measureLoadRounds([group('a'), group('b')], 2, '.', measure);
    expect(measured).toEqual(['a', 'a floor', 'b', 'b floor', 'a floor', 'a', 'b floor', 'b']);
    expect(samples.get('a')!.map((t) => t.cpuMs)).toEqual([1, 6]);
    expect(samples.get('a floor')!.map((t) => t.cpuMs)).toEqual([2, 5]);
  });

  it('refuses two targets of one name, whose samples would mix', async () => {
    const twice = [{ name: 'a', modules: [] }];
    await expect(measureLoadRounds([twice, twice], 1, '.', async () => ({ importMs: 0, processMs: 0, cpuMs: 0 }))).rejects.toThrow(/name/);
  });
});

describe('pairedRatio', () => {
  it('is the median of the per-round ratios, with their range, not the ratio of the medians', () => {
    // Round 2 ran under load that slowed both processes alike: its ratio is as good as the others'.
    const paired = pairedRatio([120, 240, 130], [100, 200, 100]);
    expect(paired).toEqual({ median: 1.2, min: 1.2, max: 1.3 });
    expect(median([120, 240, 130]) / median([100, 200, 100])).toBeCloseTo(1.3);
  });

  it('refuses lists of different lengths, whose rounds cannot be paired', () => {
    expect(() => pairedRatio([1, 2], [1])).toThrow(RangeError);
  });
});

describe('the Node.js a cold process runs on', () => {
  it('is the binary it is given, whose version is the one nodeVersion reports', async () => {
    const node = nodeAtOwnPath();
    const probe = nodeProbe();
    await measureLoadOnce(probe.target, PROJECT_ROOT, node);
    expect(probe.seen()).toEqual({ execPath: node, version: await nodeVersion(node) });
  });

  it('is refused with its path when it is not a Node.js binary', async () => {
    await expect(nodeVersion('/nonexistent/node')).rejects.toThrow('/nonexistent/node');
  });
});
