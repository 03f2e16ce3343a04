import { writeFile } from 'node:fs/promises';
import { measurePipelineRun } from './drop-to-live';

// One run of the pipeline bench in a process of its own (see runPipelineBenchmark): its result as JSON in the file named.
const out = process.argv[2];
if (!out) throw new Error('usage: one-run.ts OUT.json');
await writeFile(out, JSON.stringify(await measurePipelineRun()));
process.exit(0);
