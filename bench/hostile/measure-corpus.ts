/**
 * The 100 corpus drafts through the ingest path in one fresh process:
 * `tsx bench/hostile/measure-corpus.ts <rounds>`. Each draft runs `rounds` times; prints one
 * JSON line with the slowest first run, the median over drafts of each draft's median
 * (warm: the process has already run the drafts before it), and the peak resident memory.
 */
import { loadCorpusDrafts } from '../corpus/corpus-drafts';
import { median } from '../size/load-time';
import { runIngestPath } from './ingest-path';

const rounds = Number(process.argv[2] ?? '5');
const drafts = await loadCorpusDrafts();
const firsts: number[] = [];
const medians: number[] = [];
let accepted = 0;
for (const draft of drafts) {
  const times: number[] = [];
  let outcome = '';
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    outcome = runIngestPath({ name: draft.name, fileName: draft.name, text: draft.markdown });
    times.push(performance.now() - started);
  }
  if (outcome.startsWith('accepted')) accepted++;
  firsts.push(times[0] ?? 0);
  medians.push(median(times));
}
console.log(
  JSON.stringify({
    name: `corpus: ${drafts.length} drafts`,
    bytes: median(drafts.map((d) => Buffer.byteLength(d.markdown))),
    outcome: `${accepted}/${drafts.length} accepted; slowest draft median ${Math.max(...medians).toFixed(2)} ms`,
    firstMs: Math.max(...firsts),
    medianMs: median(medians),
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
