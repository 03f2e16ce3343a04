import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { runHostileBenchmark } from './hostile/hostile-benchmark';
import { runAlertsBenchmark } from './alerts/alerts-benchmark';
import { runPipelineBenchmark } from './pipeline/drop-to-live';
import { runRelatedBenchmark } from './related/run';
import { runRealRebuildBenchmark } from './site/real-rebuild';
import { runSiteBenchmark } from './site/site-benchmark';
import { runSizeBenchmark } from './size/size-benchmark';
import { runTakeawayBenchmark } from './takeaways/quality';

/**
 * `npm run bench`: every benchmark of the project in one process and one run,
 * so the figures (and the baselines they are compared with) come from the
 * same machine state. Sections run one after another, never in parallel.
 */
const sections: Array<[string, () => Promise<string>]> = [
  ['Pipeline (issue 2)', () => runPipelineBenchmark({ runs })],
  ['Size: bundles and cold load (issues 3, 15)', () => runSizeBenchmark({ runs, instructions })],
  ['Key takeaways (issue 4)', () => runTakeawayBenchmark()],
  ['Related links (issue 4)', () => runRelatedBenchmark({ log: (line) => console.error(`  … ${line}`) })],
  ['Reader site (issue 5)', () => runSiteBenchmark()],
  ['Archive import and real site rebuild (issue 14)', () => runRealRebuildBenchmark()],
  ['Hostile and heavy drafts (issue 10)', () => runHostileBenchmark()],
  ['Subscriber alerts (issue 13)', () => runAlertsBenchmark()],
];

// `npm run bench -- [SECTION…] [--runs N] [--instructions | --no-instructions]`: sections by a word of their title.
// --runs is how often a section repeats what it judges by a median: the pipeline's bursts (default 1) and the size
// section's rounds of cold processes (default 9). The size section counts instructions where valgrind is installed unless told.
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : undefined;
if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1))
  throw new Error(`--runs takes a whole number of at least 1, not ${args[runsAt + 1]}`);
const instructions = args.includes('--no-instructions') ? false : args.includes('--instructions') ? true : 'auto';
const only = args.filter((arg, i) => !arg.startsWith('--') && (runsAt < 0 || i !== runsAt + 1)).map((name) => name.toLowerCase());
const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
console.log(
  `# Newsroom benchmarks\n\ncommit ${commit}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${new Date().toISOString()}\n`,
);
for (const [title, run] of sections) {
  if (only.length > 0 && !only.some((name) => title.toLowerCase().includes(name))) continue;
  const started = performance.now();
  console.log(`# ${title}\n`);
  console.log(await run());
  console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
