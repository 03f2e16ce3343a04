/**
 * Runs the related-links benchmark alone: `npm run bench:related [-- sizes]`,
 * e.g. `npm run bench:related -- 1000,10000`.
 */
import { runRelatedBenchmark } from './run';

const sizes = process.argv[2]?.split(',').map(Number).filter((n) => n > 0);
console.log(await runRelatedBenchmark({ archiveSizes: sizes, log: (line) => console.error(line) }));
