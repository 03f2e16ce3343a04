import * as z from 'zod';
import { BREAKING_LIVE_WITHIN_MS } from '../../events/names';
import { median } from '../size/load-time';

/** A figure as JSON carries it from a run's process: a figure not measured (NaN) travels as null. */
const figure = z
  .number()
  .nullable()
  .transform((value) => value ?? Number.NaN);

/** The headline figures of one run of the pipeline bench (per publish: over the burst, every stage). */
export const pipelineFiguresSchema = z.object({
  /** Load average (1 minute) at the run's start. */
  load: figure,
  /** From the first upload until every burst article's page is live. */
  liveSeconds: figure,
  draftsPerSecond: figure,
  /** From the first upload until every burst article's alert is published to the topic. */
  alertedSeconds: figure,
  /** Whether every burst article went live, and every one was alerted, before the bench gave up waiting. */
  allLive: z.boolean(),
  allAlerted: z.boolean(),
  liveToAlertedSeconds: figure,
  burstP50Ms: figure,
  burstP95Ms: figure,
  breakingLiveMs: figure,
  breakingAlertMs: figure,
  singleP50Ms: figure,
  readsPerPublish: figure,
  rcuPerPublish: figure,
  writesPerPublish: figure,
  wcuPerPublish: figure,
  nodeCpuMsPerPublish: figure,
  jvmCpuMsPerPublish: figure,
});

/** The headline figures of one run of the pipeline bench. */
export type PipelineFigures = z.output<typeof pipelineFiguresSchema>;

/** What one run of the pipeline bench measured: its headline figures, and its whole report (every measure). */
export const pipelineRunSchema = z.object({ figures: pipelineFiguresSchema, report: z.string() });

/** What one run of the pipeline bench measured. */
export type PipelineRun = z.output<typeof pipelineRunSchema>;

/** The goals of issue 14 the pipeline bench judges (a run's table shows them; several runs are judged by their median). */
export const PIPELINE_GOALS = {
  /** Every burst article live and alerted within this many seconds. */
  alertedSeconds: 15,
  draftsPerSecond: 7,
  breakingMs: BREAKING_LIVE_WITHIN_MS,
  singleP50Ms: 400,
} as const;

/** The median of one figure over runs (as {@link median}), a NaN (not measured: the run gave up waiting) counting as infinitely late. */
export function medianOfRuns(values: readonly number[]): number {
  return median(values.map((value) => (Number.isNaN(value) ? Number.POSITIVE_INFINITY : value)));
}

/** The median of each figure over `runs`; a burst counts as all live (alerted) only if every run's was. */
export function medianFigures(runs: readonly PipelineFigures[]): PipelineFigures {
  const values = new Map<string, Array<number | boolean>>();
  for (const run of runs) for (const [key, value] of Object.entries(run)) values.set(key, [...(values.get(key) ?? []), value]);
  const medians = [...values].map(([key, all]) => {
    const numbers = all.filter((value) => typeof value === 'number');
    if (numbers.length < all.length) return [key, all.every((value) => value === true)] as const;
    const middle = medianOfRuns(numbers);
    // A median that lands on a run's unmeasured figure is itself unmeasured (null, as a run's JSON carries it).
    return [key, Number.isFinite(middle) ? middle : null] as const;
  });
  return pipelineFiguresSchema.parse(Object.fromEntries(medians));
}

const ms = (value: number) => `${Math.round(value)} ms`;

function row(label: string, f: PipelineFigures): string {
  return [
    label,
    f.load.toFixed(1),
    `${f.liveSeconds.toFixed(2)} s (${f.draftsPerSecond.toFixed(1)}/s)${f.allLive ? '' : ' (not all live)'}`,
    `${f.alertedSeconds.toFixed(2)} s${f.allAlerted ? '' : ' (not all alerted)'}`,
    `${f.liveToAlertedSeconds.toFixed(2)} s`,
    `${ms(f.burstP50Ms)} / ${ms(f.burstP95Ms)}`,
    `${ms(f.breakingLiveMs)} / ${ms(f.breakingAlertMs)}`,
    ms(f.singleP50Ms),
    `${f.readsPerPublish.toFixed(1)} (${f.rcuPerPublish.toFixed(1)})`,
    `${f.writesPerPublish.toFixed(1)} (${f.wcuPerPublish.toFixed(1)})`,
    `${ms(f.nodeCpuMsPerPublish)} + ${ms(f.jvmCpuMsPerPublish)}`,
  ].join(' | ');
}

/**
 * The runs side by side, one row each, their median beneath, and each goal judged by the median (one lucky or
 * unlucky run of a noisy host decides nothing). A burst not wholly live or alerted in some run fails its goal.
 */
export function summarisePipelineRuns(runs: readonly PipelineFigures[]): string {
  const m = medianFigures(runs);
  const verdict = (met: boolean) => (met ? 'met' : '**not met**');
  const goals = PIPELINE_GOALS;
  return [
    `Burst of the corpus, ${runs.length} run${runs.length === 1 ? '' : 's'} (a fresh stack each); goals judged by the median of the runs.`,
    '',
    '| run | load at start | all live (drafts/s) | all alerted | live → alerted | burst drop-to-live p50 / p95 | breaking live / alerted | single drop p50 | reads (RCU) / publish | writes (WCU) / publish | CPU / publish node + JVM |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...runs.map((figures, i) => `| ${row(String(i + 1), figures)} |`),
    `| ${row('**median**', m)} |`,
    '',
    `- burst all live and alerted ≤ ${goals.alertedSeconds} s: ${verdict(m.allAlerted && m.alertedSeconds <= goals.alertedSeconds)} (median ${m.alertedSeconds.toFixed(2)} s)`,
    `- burst ≥ ${goals.draftsPerSecond} drafts/s: ${verdict(m.allLive && m.draftsPerSecond >= goals.draftsPerSecond)} (median ${m.draftsPerSecond.toFixed(1)}/s)`,
    `- breaking draft live and alerted ≤ ${goals.breakingMs} ms: ${verdict(m.breakingLiveMs <= goals.breakingMs && m.breakingAlertMs <= goals.breakingMs)} (median ${ms(m.breakingLiveMs)} / ${ms(m.breakingAlertMs)})`,
    `- single drop p50 ≤ ${goals.singleP50Ms} ms: ${verdict(m.singleP50Ms <= goals.singleP50Ms)} (median ${ms(m.singleP50Ms)})`,
  ].join('\n');
}
