import { describe, expect, it } from 'vitest';
import { medianOfRuns, summarisePipelineRuns, type PipelineFigures } from '../../../bench/pipeline/pipeline-summary';

const run = (alertedSeconds: number, overrides: Partial<PipelineFigures> = {}): PipelineFigures => ({
  load: 0.5,
  liveSeconds: alertedSeconds - 1,
  draftsPerSecond: 99 / (alertedSeconds - 1),
  alertedSeconds,
  allLive: true,
  allAlerted: true,
  liveToAlertedSeconds: 1,
  burstP50Ms: 10_000,
  burstP95Ms: 13_000,
  breakingLiveMs: 900,
  breakingAlertMs: 1_200,
  singleP50Ms: 360,
  readsPerPublish: 13,
  rcuPerPublish: 25,
  writesPerPublish: 18,
  wcuPerPublish: 59,
  nodeCpuMsPerPublish: 140,
  jvmCpuMsPerPublish: 115,
  ...overrides,
});

describe('pipeline bench summary', () => {
  it('takes the mean of the middle two for an even count, and counts a figure not measured as infinitely late', () => {
    expect(medianOfRuns([3, 1, 2])).toBe(2);
    expect(medianOfRuns([4, 1, 3, 2])).toBe(2.5);
    expect(medianOfRuns([1, Number.NaN, 2])).toBe(2);
  });

  it('judges the burst goal by the median of the runs, not by one lucky run', () => {
    const summary = summarisePipelineRuns([run(14.5), run(15.6), run(16.6)]);
    expect(summary).toContain('burst all live and alerted ≤ 15 s: **not met** (median 15.60 s)');
    expect(summary.split('\n').filter((line) => line.startsWith('| '))).toHaveLength(5);
  });

  it('fails the breaking-draft goal when most runs never saw it live', () => {
    const summary = summarisePipelineRuns([run(14, { breakingLiveMs: Number.NaN }), run(14, { breakingLiveMs: Number.NaN }), run(14)]);
    expect(summary).toContain('breaking draft live and alerted ≤ 2000 ms: **not met** (median NaN ms / 1200 ms)');
  });

  it('fails the burst goal when some run did not alert every article, whatever the median time', () => {
    const summary = summarisePipelineRuns([run(12), run(12.5, { allAlerted: false }), run(13)]);
    expect(summary).toContain('burst all live and alerted ≤ 15 s: **not met**');
    expect(summary).toContain('12.50 s (not all alerted)');
  });
});
