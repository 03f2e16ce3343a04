import { describe, expect, it } from 'vitest';
import { parseMilestoneLines } from '../../../infra/cli/milestone-records';
import { createPipelineMetrics, outcomeMetric } from '../../../shared/runtime/pipeline-metrics';

describe('pipeline metrics', () => {
  it('writes one Embedded Metric Format document per milestone, with its metrics and its article', () => {
    const lines: string[] = [];
    const metrics = createPipelineMetrics('render-site', (line) => lines.push(line));
    const at = new Date('2026-12-01T10:00:00.500Z');
    metrics.record('rendered', { articles: 'a1@2,b7@1' }, { pagesWritten: 12 }, at);
    metrics.record('invalidated', { articles: 'a1@2,b7@1' }, { pathsInvalidated: 9 }, at);

    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!);
    expect(first._aws.Timestamp).toBe(at.getTime());
    expect(first._aws.CloudWatchMetrics[0].Metrics).toEqual([{ Name: 'PagesWritten', Unit: 'Count' }]);
    expect(first._aws.CloudWatchMetrics[0].Dimensions).toEqual([['service']]);
    expect(first).toMatchObject({ PagesWritten: 12, service: 'render-site', milestone: 'rendered', articles: 'a1@2,b7@1' });
    // Metrics do not leak from one document into the next.
    expect(JSON.parse(lines[1]!).PagesWritten).toBeUndefined();
    expect(parseMilestoneLines(lines).map((r) => [r.milestone, r.at])).toEqual([
      ['rendered', at.toISOString()],
      ['invalidated', at.toISOString()],
    ]);
  });

  it('carries several values of one metric in one document (a drop-to-live per article of a batch)', () => {
    const lines: string[] = [];
    createPipelineMetrics('render-site', (line) => lines.push(line)).record(
      'rendered',
      { articles: 'a1@1,b2@1' },
      { pagesWritten: 3, dropToLive: [1100, 950] },
    );
    const emf = JSON.parse(lines[0]!);
    expect(emf).toMatchObject({ PagesWritten: 3, DropToLive: [1100, 950] });
    expect(emf._aws.CloudWatchMetrics[0].Metrics).toContainEqual({ Name: 'DropToLive', Unit: 'Milliseconds' });
  });

  it('counts published, rejected and scheduled drafts, and no other outcome', () => {
    expect(['published', 'rejected', 'scheduled', 'unchanged', 'withdrawn', 'ignored'].map(outcomeMetric)).toEqual([
      'draftsPublished',
      'draftsRejected',
      'draftsScheduled',
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('skips log lines that are not milestone documents', () => {
    expect(parseMilestoneLines(['START RequestId: x', '{"level":"INFO","message":"render"}', '{not json'])).toEqual([]);
  });
});
