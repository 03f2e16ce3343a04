import { runSiteBenchmark } from './site-benchmark';

runSiteBenchmark().then(
  (report) => console.log(report),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
