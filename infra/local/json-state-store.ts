import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from './atomic-write';

/** Thrown when a state file exists but is not state its endpoint wrote (the file is left untouched). */
export class StateFileError extends Error {
  override readonly name = 'StateFileError';
}

/** State in memory, saved to its file after each change. */
export interface JsonStateStore<T> {
  readonly state: T;
  /** Saves the current state; saves are serialized, so the last one written is the latest state. */
  save(): Promise<void>;
}

/** Where and what a local endpoint keeps across restarts. */
export interface JsonStateStoreOptions<T> {
  readonly dir: string;
  readonly file: string;
  readonly schema: z.ZodType<T>;
  /** The state of a fresh endpoint, used when the file does not exist. */
  readonly empty: () => T;
  /** Names the state in error messages, e.g. `SNS state`. */
  readonly description: string;
}

/**
 * Loads a local endpoint's state from `<dir>/<file>`, or starts from `empty()`
 * when the file does not exist; creates the directory. Saves write atomically.
 *
 * @throws StateFileError when the file is not JSON or not valid state.
 */
export async function openJsonStateStore<T>(options: JsonStateStoreOptions<T>): Promise<JsonStateStore<T>> {
  await mkdir(options.dir, { recursive: true });
  const path = join(options.dir, options.file);
  const state = await loadState(path, options);
  let pending: Promise<void> = Promise.resolve();
  return {
    state,
    save() {
      const snapshot = JSON.stringify(state, null, 2);
      pending = pending.catch(() => undefined).then(() => writeFileAtomically(path, snapshot));
      return pending;
    },
  };
}

async function loadState<T>(path: string, options: JsonStateStoreOptions<T>): Promise<T> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return options.empty();
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${path} is not JSON: ${String(error)}`);
  }
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) throw new StateFileError(`${path} is not ${options.description}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
