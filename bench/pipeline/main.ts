import { runPipelineBenchmark } from './drop-to-live';

console.log(await runPipelineBenchmark());
