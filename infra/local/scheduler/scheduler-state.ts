import * as z from 'zod';
import { openJsonStateStore, type JsonStateStore } from '../json-state-store';

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

/** The name of the state file inside the state directory. */
export const SCHEDULER_STATE_FILE = 'schedules.json';

/** Schedules and failures in memory, saved to `<stateDir>/schedules.json` after each change. */
export type SchedulerStateStore = JsonStateStore<SchedulerState>;

/**
 * Loads the state from `<stateDir>/schedules.json`, or starts empty when the
 * file does not exist. Creates the directory.
 * @throws StateFileError when the file is not valid state (it is left untouched).
 */
export function openSchedulerStateStore(stateDir: string): Promise<SchedulerStateStore> {
  return openJsonStateStore({
    dir: stateDir,
    file: SCHEDULER_STATE_FILE,
    schema: stateSchema,
    empty: () => ({ version: 1, schedules: [], failures: [] }),
    description: 'scheduler state',
  });
}
