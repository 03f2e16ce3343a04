import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { STREAM_CONSUMER_NAME } from '../../shared/adapters/article-stream-filters';

/** The repository root: where `package-lock.json`, `functions/` and `shared/` live. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Lambda functions of the pipeline. */
export type PipelineFunctionName =
  | 'triage-draft'
  | 'ingest-draft'
  | typeof STREAM_CONSUMER_NAME
  | 'publish-scheduled'
  | 'invalidate-cdn'
  | 'reconcile-pipeline';

/**
 * The handler entry file of a function: `functions/<name>/handler.ts`.
 *
 * @param name the function folder name
 * @param root the repository root (default {@link PROJECT_ROOT})
 */
export function functionEntry(name: PipelineFunctionName, root: string = PROJECT_ROOT): string {
  return path.join(root, 'functions', name, 'handler.ts');
}
