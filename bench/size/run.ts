/** Prints the bundle size and cold-load report: `npm run size [-- --runs N] [--instructions | --no-instructions]`. */
import { runSizeBenchmark } from './size-benchmark';

const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : undefined;
const instructions = process.argv.includes('--no-instructions') ? false : process.argv.includes('--instructions') ? true : 'auto';
console.log(await runSizeBenchmark({ runs: Number.isFinite(runs) ? runs : undefined, instructions }));
