/**
 * `npm run bench -- hostile`: the ingest path (parse + validate + takeaways + related terms)
 * over the drafts of issue 10, a generated adversarial set and the largest allowed drafts,
 * beside the editor's normal draft. Each case runs in its own fresh process, so its peak
 * memory (`maxRSS`) is its own.
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import * as z from '../../events/zod';
import { median } from '../size/load-time';
import { adversarialDrafts, issueDrafts, largestDrafts, normalDraft } from './hostile-drafts';

const run = promisify(execFile);
const MEASURE = fileURLToPath(new URL('./measure-case.ts', import.meta.url));
const MEASURE_CORPUS = fileURLToPath(new URL('./measure-corpus.ts', import.meta.url));

/**
 * Goals of issue 10. The median goal applies to real drafts (the 100 corpus drafts): a median
 * over drafts written to be slow measures the attack, not the newsroom's typical draft.
 */
export const HOSTILE_GOALS = { worstMs: 1_000, peakMb: 256, medianMs: 5 } as const;

const caseResultSchema = z.object({
  name: z.string(),
  bytes: z.number(),
  outcome: z.string(),
  firstMs: z.number(),
  medianMs: z.number(),
  maxRssMb: z.number(),
});
type CaseResult = z.infer<typeof caseResultSchema>;

/** Longest a case's process may run; a case that takes longer is reported as such, not waited for. */
const CASE_TIMEOUT_MS = 300_000;

async function measure(name: string, rounds: number, script = MEASURE): Promise<CaseResult> {
  const args = script === MEASURE ? [name, String(rounds)] : [String(rounds)];
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', script, ...args], {
      maxBuffer: 1 << 20,
      timeout: CASE_TIMEOUT_MS,
    });
    return caseResultSchema.parse(JSON.parse(stdout.trim().split('\n').pop() ?? '{}'));
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      name,
      bytes: 0,
      outcome: `FAILED: ${reason} (limit ${CASE_TIMEOUT_MS / 1000} s)`,
      firstMs: Number.POSITIVE_INFINITY,
      medianMs: Number.POSITIVE_INFINITY,
      maxRssMb: 0,
    };
  }
}

function row(r: CaseResult, idleMb: number): string {
  return `| ${r.name} | ${(r.bytes / 1024).toFixed(1)} | ${r.firstMs.toFixed(1)} | ${r.medianMs.toFixed(2)} | ${r.maxRssMb.toFixed(0)} | ${(r.maxRssMb - idleMb).toFixed(0)} | ${r.outcome} |`;
}

function summary(label: string, results: readonly CaseResult[]): string {
  const worstFirst = Math.max(...results.map((r) => r.firstMs));
  const worstWarm = Math.max(...results.map((r) => r.medianMs));
  const medianWarm = median(results.map((r) => r.medianMs));
  const peak = Math.max(...results.map((r) => r.maxRssMb));
  const worstOk = worstFirst < HOSTILE_GOALS.worstMs && peak < HOSTILE_GOALS.peakMb;
  const medianOk = medianWarm < HOSTILE_GOALS.medianMs;
  return `| ${label} (${results.length}) | ${worstFirst.toFixed(1)} | ${worstWarm.toFixed(1)} | ${medianWarm.toFixed(2)} | ${peak.toFixed(0)} | ${worstOk ? 'yes' : 'NO'} | ${medianOk ? 'yes' : 'NO'} |`;
}

/** Runs every case, one process at a time, and returns the report as Markdown. */
export async function runHostileBenchmark(): Promise<string> {
  const idle = await measure('idle', 0);
  const normal = await measure(normalDraft().name, 21);
  const corpus = await measure('corpus', 5, MEASURE_CORPUS);
  const groups: Array<[string, string[]]> = [
    ['issue 10 drafts', issueDrafts().map((d) => d.name)],
    ['generated adversarial', adversarialDrafts().map((d) => d.name)],
    ['largest allowed', largestDrafts().map((d) => d.name)],
  ];
  const results = new Map<string, CaseResult[]>();
  for (const [group, names] of groups) {
    const list: CaseResult[] = [];
    for (const name of names) list.push(await measure(name, 5));
    results.set(group, list);
  }
  const all = [...results.values()].flat();
  const lines = [
    `Ingest path = parse + validate + takeaways + related terms, pure CPU, no I/O, warm in-memory figures. Each case in a fresh process: first run (cold: JIT, lazy module init) and median of 5; the normal draft median of 21. The corpus row runs its 100 drafts in one process (5 rounds each): "median" is the median over drafts of each draft's median, "first" the slowest first run.`,
    `Peak = the process's maxRSS after its runs; idle process (all modules imported, nothing run): ${idle.maxRssMb.toFixed(0)} MB. Load average at start: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} (2 cores shared).`,
    `Goals: worst < ${HOSTILE_GOALS.worstMs} ms and < ${HOSTILE_GOALS.peakMb} MB per draft, over every set; median < ${HOSTILE_GOALS.medianMs} ms over the corpus drafts (the hostile sets' medians are shown, not judged).`,
    '',
    '| set (cases) | worst first ms | worst median ms | median of medians ms | peak MB | worst and peak within goal | median within goal |',
    '|---|---:|---:|---:|---:|---|---|',
    summary("editor's normal draft", [normal]),
    summary('100 corpus drafts (median goal)', [corpus]),
    ...[...results].map(([group, list]) => summary(group, list)),
    summary('all hostile', all),
    '',
    `Ratios: worst hostile median / normal median = ${(Math.max(...all.map((r) => r.medianMs)) / normal.medianMs).toFixed(0)}x; median hostile / normal = ${(median(all.map((r) => r.medianMs)) / normal.medianMs).toFixed(1)}x.`,
    '',
    '| case | KB | first ms | median ms | peak MB | over idle MB | outcome |',
    '|---|---:|---:|---:|---:|---:|---|',
    row(normal, idle.maxRssMb),
    row(corpus, idle.maxRssMb),
    ...all.map((r) => row(r, idle.maxRssMb)),
  ];
  return lines.join('\n');
}
