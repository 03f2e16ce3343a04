import type { ScheduleFailure, SchedulerStateStore, StoredSchedule } from './scheduler-state';

/** Runs a schedule's target: the target ARN and the `Input` text (`{}` when the schedule has none). */
export type InvokeTarget = (targetArn: string, input: string) => Promise<void>;

/** Options of {@link createScheduleRunner}. */
export interface ScheduleRunnerOptions {
  readonly store: SchedulerStateStore;
  readonly invoke: InvokeTarget;
  /** Called after a run failed every attempt; the failure is already in the state file. */
  readonly onFailure?: (failure: ScheduleFailure) => void;
  readonly now: () => Date;
  /** Retries after the first failed attempt. @default 3 */
  readonly maxRetries?: number;
  /** Delay before the first retry; each next one doubles it. @default 1000 */
  readonly retryDelayMs?: number;
}

/** Fires due schedules. */
export interface ScheduleRunner {
  /** Re-reads the schedules and sets the timer for the next due one (overdue ones run at once). */
  arm(): void;
  /** Stops the timer and retries, and waits for attempts in progress; unfinished runs stay in the state and run after a restart. */
  close(): Promise<void>;
}

/** setTimeout's largest delay; a later schedule is re-checked after this long. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Creates the runner that invokes each enabled, not yet completed schedule's
 * target once its time has come, retrying with exponential backoff. After
 * the run (success or final failure) the schedule is deleted
 * (ActionAfterCompletion DELETE) or marked completed, unless it was updated
 * or deleted meanwhile.
 */
export function createScheduleRunner(options: ScheduleRunnerOptions): ScheduleRunner {
  const { store, invoke, now } = options;
  const maxRetries = options.maxRetries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  const running = new Map<string, Promise<void>>();
  const sleepers = new Set<() => void>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const keyOf = (s: StoredSchedule) => `${s.GroupName}/${s.Name}`;
  const pending = () => store.state.schedules.filter((s) => s.State === 'ENABLED' && s.completedAt === undefined && !running.has(keyOf(s)));

  function arm(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (closed) return;
    const next = Math.min(...pending().map((s) => Date.parse(s.dueAt)));
    if (!Number.isFinite(next)) return;
    timer = setTimeout(runDue, Math.min(MAX_TIMER_MS, Math.max(0, next - now().getTime())));
  }

  function runDue(): void {
    timer = undefined;
    const at = now().getTime();
    for (const schedule of pending().filter((s) => Date.parse(s.dueAt) <= at)) {
      const key = keyOf(schedule);
      const run = runOnce(schedule)
        .catch((error: unknown) => process.emitWarning(`Local scheduler: running ${key} failed: ${String(error)}`))
        .finally(() => {
          running.delete(key);
          arm();
        });
      running.set(key, run);
    }
    arm();
  }

  async function runOnce(schedule: StoredSchedule): Promise<void> {
    const { revision } = schedule;
    const targetArn = schedule.Target.Arn;
    const input = schedule.Target.Input ?? '{}';
    let lastError: unknown;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      if (closed) return;
      try {
        await invoke(targetArn, input);
        await complete(schedule, revision);
        return;
      } catch (error) {
        lastError = error;
        if (attempt < maxRetries) await sleep(retryDelayMs * 2 ** attempt);
      }
    }
    if (closed) return;
    const failure: ScheduleFailure = {
      scheduleArn: schedule.Arn,
      name: schedule.Name,
      groupName: schedule.GroupName,
      targetArn,
      input,
      attempts: maxRetries + 1,
      error: lastError instanceof Error ? (lastError.stack ?? lastError.message) : String(lastError),
      failedAt: now().toISOString(),
    };
    store.state.failures.push(failure);
    await complete(schedule, revision);
    options.onFailure?.(failure);
  }

  async function complete(ran: StoredSchedule, revision: number): Promise<void> {
    const schedules = store.state.schedules;
    const index = schedules.findIndex((s) => keyOf(s) === keyOf(ran));
    const current = schedules[index];
    if (current && current.revision === revision) {
      if (current.ActionAfterCompletion === 'DELETE') schedules.splice(index, 1);
      else schedules[index] = { ...current, completedAt: now().toISOString() };
    }
    await store.save();
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(handle);
        sleepers.delete(wake);
        resolve();
      };
      const handle = setTimeout(wake, ms);
      sleepers.add(wake);
    });
  }

  return {
    arm,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const wake of [...sleepers]) wake();
      await Promise.all(running.values());
    },
  };
}
