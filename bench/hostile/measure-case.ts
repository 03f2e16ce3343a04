/**
 * One benchmark case in a fresh process: `tsx bench/hostile/measure-case.ts <name> <rounds>`.
 * Prints one JSON line: the first (cold) and median time of the ingest path, and the
 * process's peak resident memory (`maxRSS`) after all rounds. `idle` imports everything
 * and runs nothing, for the baseline memory.
 */
import { median } from '../size/load-time';
import { allHostileDrafts } from './hostile-drafts';
import { runIngestPath } from './ingest-path';

const [name = 'idle', roundsArg = '3'] = process.argv.slice(2);
const rounds = Number(roundsArg);
const draft = allHostileDrafts().find((d) => d.name === name);
const times: number[] = [];
let outcome = 'idle';
if (draft) {
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    outcome = runIngestPath(draft);
    times.push(performance.now() - started);
  }
}
const bytes = draft ? Buffer.byteLength(draft.text) : 0;
const result = {
  name,
  bytes,
  outcome,
  firstMs: times[0] ?? 0,
  medianMs: times.length > 0 ? median(times) : 0,
  maxRssMb: process.resourceUsage().maxRSS / 1024,
};
console.log(JSON.stringify(result));
