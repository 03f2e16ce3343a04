import type { ArticleHead } from '../domain/article';
import { STAGES, waitingSince } from '../domain/lifecycle';
import type { PublishScheduleInput } from '../../events/publish-schedule';
import type { ArticleStore } from '../ports/article-store';

/** How long a head may sit in a stage before the reconciler drives it on, in ms. */
export const STUCK_AFTER_MS = 10 * 60_000;
/** Nudges of one version before the reconciler gives up on it and reports it. */
export const MAX_NUDGES = 3;

/** What reconciling needs. */
export interface ReconcileDependencies {
  /** The article store: its unfinished heads, and the `nudged` lifecycle event. */
  readonly heads: Pick<ArticleStore, 'listUnfinished' | 'transition'>;
  /** Publishes a scheduled version whose time has come (the publish-scheduled use case). */
  readonly publishDue: (ref: PublishScheduleInput) => Promise<string>;
  /** @default () => new Date() */
  readonly clock?: () => Date;
  /** @default STUCK_AFTER_MS */
  readonly stuckAfterMs?: number;
}

/** What one reconcile pass did, by article id and version. */
export interface ReconcileReport {
  /** Heads re-announced so their stage's consumer runs again. */
  readonly nudged: readonly string[];
  /** Scheduled heads whose schedule never ran, published now. */
  readonly published: readonly string[];
  /** Heads still stuck after {@link MAX_NUDGES} nudges: a person must look. */
  readonly givenUp: readonly string[];
  /**
   * Alerts claimed longer than the deadline ago and never recorded as sent
   * (the head at `alerting`): they may or may not be out, so they are only
   * reported, never resent here. `newsroom alerts --resend` or
   * `--mark-sent` resolves them.
   */
  readonly inDoubt: readonly string[];
}

const label = (head: ArticleHead) => `${head.id} v${head.version} (${head.stage})`;

/**
 * Finds article heads stuck in a stage past a deadline and drives them on
 * through the lifecycle: a head in `render` or `notify` whose version (or
 * last nudge) is older than `stuckAfterMs` is re-announced on the stream, so
 * its consumer runs again (every consumer is guarded by stage and version, so
 * a head that was merely slow is not harmed); a head at `alerting` is
 * reported as in doubt and left alone; a `scheduled` head whose time
 * passed `stuckAfterMs` ago is published as its schedule would have. A head
 * nudged {@link MAX_NUDGES} times is reported, not nudged again.
 */
export async function reconcilePipeline(deps: ReconcileDependencies): Promise<ReconcileReport> {
  const now = (deps.clock ?? (() => new Date()))();
  const stuckBefore = now.getTime() - (deps.stuckAfterMs ?? STUCK_AFTER_MS);
  const nudged: string[] = [];
  const published: string[] = [];
  const givenUp: string[] = [];
  const inDoubt: string[] = [];
  for (const head of await deps.heads.listUnfinished()) {
    if (waitingSince(head) > stuckBefore) continue;
    const ref = { id: head.id, version: head.version };
    if (head.stage === STAGES.scheduled) {
      if ((await deps.publishDue(ref)) === 'published') published.push(label(head));
      continue;
    }
    if (head.stage === STAGES.alerting) {
      inDoubt.push(label(head));
      continue;
    }
    const nudges = head.nudges ?? 0;
    if (nudges >= MAX_NUDGES) givenUp.push(label(head));
    else if (await deps.heads.transition(ref, { type: 'nudged', stage: head.stage, at: now.toISOString(), nudges: nudges + 1 })) {
      nudged.push(label(head));
    }
  }
  return { nudged, published, givenUp, inDoubt };
}

/** Raised when heads stay stuck after every nudge, so the function's error alarm tells operators. */
export class StuckHeadsError extends Error {
  override readonly name = 'StuckHeadsError';
}
