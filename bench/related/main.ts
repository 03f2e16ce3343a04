/**
 * Runs the related-links benchmark alone: `npm run bench:related [-- memorySizes [dynamoDbLocalSizes [no-bulk]]]`,
 * e.g. `npm run bench:related -- 1000,10000,100000 1000,10000` (defaults: all three in memory, 1,000 in DynamoDB Local,
 * and the 100-draft bulk publish through a local stack); `0` skips a scaling run, `no-bulk` the bulk publish.
 */
import { runRelatedBenchmark } from './run';

const sizesArg = (arg: string | undefined) =>
  arg
    ?.split(',')
    .map(Number)
    .filter((n) => n > 0);
console.log(
  await runRelatedBenchmark({
    archiveSizes: sizesArg(process.argv[2]),
    dynamoDbLocalSizes: sizesArg(process.argv[3]),
    bulkPublish: process.argv[4] !== 'no-bulk',
    log: (line) => console.error(line),
  }),
);
