import { appendFileSync } from 'node:fs';
import type { MetricsSink } from '../runtime/pipeline-metrics';

/** Set by the local stack: append EMF documents to this file instead of stdout. */
export const METRICS_FILE_ENV = 'NEWSROOM_METRICS_FILE';

/** The metrics sink for this environment: stdout on Lambda (CloudWatch extracts EMF from it), the local stack's file otherwise. */
export function createMetricsSink(env: NodeJS.ProcessEnv = process.env): MetricsSink {
  const file = env[METRICS_FILE_ENV];
  if (file) return (line) => appendFileSync(file, `${line}\n`);
  return (line) => {
    process.stdout.write(`${line}\n`);
  };
}
