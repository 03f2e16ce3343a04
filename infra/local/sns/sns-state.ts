import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from './atomic-write';

const topicSchema = z.object({ arn: z.string(), name: z.string() });

const subscriptionSchema = z.object({
  arn: z.string(),
  id: z.string(),
  topicArn: z.string(),
  protocol: z.string(),
  endpoint: z.string(),
  /** The policy as the subscriber gave it (JSON text); absent means every message is delivered. */
  filterPolicy: z.string().optional(),
  rawMessageDelivery: z.boolean(),
});

const stateSchema = z.object({
  version: z.literal(1),
  topics: z.array(topicSchema),
  subscriptions: z.array(subscriptionSchema),
});

/** A topic of the local endpoint. */
export type SnsTopic = z.infer<typeof topicSchema>;
/** A (always confirmed) subscription of the local endpoint. */
export type SnsSubscription = z.infer<typeof subscriptionSchema>;
/** Everything the local endpoint keeps across restarts. */
export type SnsState = z.infer<typeof stateSchema>;

/** Thrown when the state file exists but is not a state this endpoint wrote. */
export class SnsStateFileError extends Error {
  override readonly name = 'SnsStateFileError';
}

/** The name of the state file inside the state directory. */
export const SNS_STATE_FILE = 'sns.json';

/** Topics and subscriptions in memory, saved to `<stateDir>/sns.json` after each change. */
export interface SnsStateStore {
  readonly state: SnsState;
  /** Saves the current state; saves are serialized, so the last one written is the latest state. */
  save(): Promise<void>;
}

/**
 * Loads the state from `<stateDir>/sns.json`, or starts empty when the file
 * does not exist. Creates the directory.
 * @throws SnsStateFileError when the file is not valid state (it is left untouched).
 */
export async function openSnsStateStore(stateDir: string): Promise<SnsStateStore> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, SNS_STATE_FILE);
  const state = await loadState(path);
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

async function loadState(path: string): Promise<SnsState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { version: 1, topics: [], subscriptions: [] };
    }
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SnsStateFileError(`${path} is not JSON: ${String(error)}`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) throw new SnsStateFileError(`${path} is not SNS state: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
