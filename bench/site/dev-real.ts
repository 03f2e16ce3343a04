import { runRealRebuildBenchmark } from './real-rebuild';
console.log(await runRealRebuildBenchmark(Number(process.argv[2] ?? 300)));
