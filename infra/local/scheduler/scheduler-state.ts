import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { writeFileAtomically } from '../sns/atomic-write';

const targetSchema = z.looseObject({
  Arn: z.string(),
  RoleArn: z.string(),
  Input: z.string().optional(),
});

const scheduleSchema = z.object({
  Arn: z.string(),
  Name: z.string(),
  GroupName: z.string(),
  ScheduleExpression: z.string(),
  ScheduleExpressionTimezone: z.string().optional(),
  Description: z.string().optional(),
  State: z.enum(['ENABLED', 'DISABLED']),
  Target: targetSchema,
  FlexibleTimeWindow: z.object({ Mode: z.literal('OFF') }),
  ActionAfterCompletion: z.enum(['NONE', 'DELETE']),
  /** ISO 8601. */
  CreationDate: z.string(),
  /** ISO 8601. */
  LastModificationDate: z.string(),
  /** ISO 8601 instant the expression names. */
  dueAt: z.string(),
  /** Bumped on every update, so a run that started before an update does not complete the updated schedule. */
  revision: z.number().int(),
  /** ISO 8601: when its one run completed (kept only with ActionAfterCompletion NONE). */
  completedAt: z.string().optional(),
});

const failureSchema = z.object({
  scheduleArn: z.string(),
  name: z.string(),
  groupName: z.string(),
  targetArn: z.string(),
  input: z.string(),
  attempts: z.number().int(),
  error: z.string(),
  /** ISO 8601. */
  failedAt: z.string(),
});

const stateSchema = z.object({
  version: z.literal(1),
  schedules: z.array(scheduleSchema),
  failures: z.array(failureSchema),
});

/** A schedule as the local endpoint keeps it: the API's fields plus its run bookkeeping. */
export type StoredSchedule = z.infer<typeof scheduleSchema>;
/** A schedule run that failed every attempt (what AWS would send to the dead-letter queue). */
export type ScheduleFailure = z.infer<typeof failureSchema>;
/** Everything the local endpoint keeps across restarts. */
export type SchedulerState = z.infer<typeof stateSchema>;

/** Thrown when the state file exists but is not a state this endpoint wrote. */
export class SchedulerStateFileError extends Error {
  override readonly name = 'SchedulerStateFileError';
}

/** The name of the state file inside the state directory. */
export const SCHEDULER_STATE_FILE = 'schedules.json';

/** Schedules and failures in memory, saved to `<stateDir>/schedules.json` after each change. */
export interface SchedulerStateStore {
  readonly state: SchedulerState;
  /** Saves the current state; saves are serialized, so the last one written is the latest state. */
  save(): Promise<void>;
}

/**
 * Loads the state from `<stateDir>/schedules.json`, or starts empty when the
 * file does not exist. Creates the directory.
 * @throws SchedulerStateFileError when the file is not valid state (it is left untouched).
 */
export async function openSchedulerStateStore(stateDir: string): Promise<SchedulerStateStore> {
  await mkdir(stateDir, { recursive: true });
  const path = join(stateDir, SCHEDULER_STATE_FILE);
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

async function loadState(path: string): Promise<SchedulerState> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { version: 1, schedules: [], failures: [] };
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchedulerStateFileError(`${path} is not JSON: ${String(error)}`);
  }
  const parsed = stateSchema.safeParse(json);
  if (!parsed.success) throw new SchedulerStateFileError(`${path} is not scheduler state: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
