/**
 * The article lifecycle, in one table: the stage an article head is at, the
 * events that move it, what each event requires of the head (its guard), and
 * what it writes (its patch, the next stage included). Use cases read the
 * head, ask the table, and make one conditional write; the store adapter
 * derives that write's condition from the same guard, and the stream filters
 * derive which stage wakes which consumer from it too.
 */

import type { ArticleHead, ArticleStatus, RelatedLink } from './article';

/**
 * The pipeline stage written on an article's head item. Each stream consumer
 * reacts to exactly one stage, so a consumer's own write never re-triggers it.
 */
export const STAGES = {
  /** Ingested; the site must be rendered for this version. */
  render: 'render',
  /** Rendered and live; the subscriber alert is due. */
  notify: 'notify',
  /**
   * The alert is claimed and being published. A head left here (SNS timed
   * out, the function died) is in doubt: the alert may or may not be out,
   * so nothing resends it on its own; an operator resolves it.
   */
  alerting: 'alerting',
  /** Nothing left to do for this version. */
  done: 'done',
  /** Waiting for its publish time. */
  scheduled: 'scheduled',
} as const;

/** A pipeline stage. */
export type Stage = (typeof STAGES)[keyof typeof STAGES];

/** Every stage, for schemas. */
export const STAGE_NAMES = [STAGES.render, STAGES.notify, STAGES.alerting, STAGES.done, STAGES.scheduled] as const;

/** Whether `value` names a stage (e.g. one read from a stream record). */
export function isStage(value: string): value is Stage {
  return (STAGE_NAMES as readonly string[]).includes(value);
}

/** Stages at which a head still has work in the pipeline: every stage but `done`. */
export const UNFINISHED_STAGES: readonly Stage[] = STAGE_NAMES.filter((stage) => stage !== STAGES.done);

/** Something that happens to an article. The first two write a new version; the rest update the head in place. */
export type LifecycleEvent =
  /** An editor uploaded a draft with new bytes; `scheduled` when it is not to go live yet. */
  | { readonly type: 'draftSaved'; readonly scheduled: boolean }
  /** An editor deleted the draft. */
  | { readonly type: 'draftDeleted' }
  /** The schedule of a scheduled version fired; `publishedAt` is the time it was scheduled for. */
  | { readonly type: 'scheduleDue'; readonly publishedAt: string; readonly related: readonly RelatedLink[] }
  /**
   * The version's pages are on the site; `alertDue` and `relatedRev` as read
   * with the head (a list changed while rendering makes the render stale).
   */
  | { readonly type: 'pagesRendered'; readonly alertDue: boolean; readonly relatedRev: number }
  /** The subscriber alert of a live version is claimed for sending. */
  | { readonly type: 'alertClaimed' }
  /**
   * SNS accepted the claimed alert. `rerender` as read with the head
   * (`relatedPending`): a related-list change held during the alert sends the
   * head back to render instead of done.
   */
  | { readonly type: 'alertSent'; readonly rerender: boolean }
  /** SNS refused the claimed alert (it certainly did not go out); it is owed again. */
  | { readonly type: 'alertFailed' }
  /** An operator sends an in-doubt alert again, knowing it may reach some readers twice. */
  | { readonly type: 'alertReplayed' }
  /**
   * A newer article became one of this published article's related links;
   * `revision` is the related index's revision of the new list (a head never
   * goes back to an older list that lands late).
   */
  | { readonly type: 'relatedChanged'; readonly related: readonly RelatedLink[]; readonly revision: number }
  /** A newer article joined the related links of a published article whose alert is being sent (or is in doubt). */
  | { readonly type: 'relatedHeld'; readonly related: readonly RelatedLink[]; readonly revision: number }
  /**
   * The reconciler (or a redrive) re-announces a head still at `stage`, so the
   * stage's consumer runs again; `nudges` is the count read with the head plus one.
   */
  | { readonly type: 'nudged'; readonly stage: Stage; readonly at: string; readonly nudges: number };

/** The name of a lifecycle event. */
export type LifecycleEventType = LifecycleEvent['type'];

/** An event that updates the current version's head in place (the others write a new version). */
export type HeadEvent = Exclude<LifecycleEvent, { type: 'draftSaved' | 'draftDeleted' }>;

/** Head fields a transition may write. */
export type LifecyclePatch = Partial<
  Pick<
    ArticleHead,
    'stage' | 'status' | 'alertDue' | 'relatedPending' | 'relatedRev' | 'wentLive' | 'related' | 'publishedAt' | 'nudgedAt' | 'nudges'
  >
>;

/** Head fields a guard may test. */
export type GuardField = 'stage' | 'status' | 'alertDue' | 'relatedPending' | 'relatedRev' | 'publishedAt';

/** What an absent head field counts as in a guard (heads written before the field existed, or never set). */
export const ABSENT_AS: Partial<Record<GuardField, boolean | number>> = { relatedPending: false, relatedRev: 0 };

/** One clause of a guard: the head's `field` must hold one of `oneOf`, or be below `below`. */
export type GuardClause =
  | { readonly field: GuardField; readonly oneOf: readonly (string | boolean | number)[]; readonly below?: never }
  | { readonly field: GuardField; readonly below: number; readonly oneOf?: never };

/** One row of the lifecycle table. */
export interface Transition<E extends LifecycleEvent> {
  /** What happened, for people. */
  readonly summary: string;
  /** How the write is made: a new immutable version, or an update of the current head. */
  readonly write: 'new-version' | 'head-update';
  /** Stages the head may be at; absent means any. */
  readonly stages?: readonly Stage[];
  /** Statuses the head may have; absent means any. */
  readonly statuses?: readonly ArticleStatus[];
  /** The value `alertDue` must have; absent means either. */
  readonly alertDue?: boolean;
  /** Further clauses taken from the event (values the caller read and decided on). */
  readonly requires?: (event: E) => readonly GuardClause[];
  /** What the event writes; `stage` is the next stage. */
  readonly patch: (event: E) => LifecyclePatch;
}

type Table = { readonly [K in LifecycleEventType]: Transition<Extract<LifecycleEvent, { type: K }>> };

/** A claimed alert given back: owed again, so the notify consumer claims it anew. */
const ALERT_OWED_AGAIN = {
  write: 'head-update',
  stages: [STAGES.alerting],
  alertDue: false,
  patch: () => ({ stage: STAGES.notify, alertDue: true }),
} as const satisfies Omit<Transition<{ type: 'alertFailed' }>, 'summary'>;

/** The article lifecycle. Every update of an article head's stage or status follows one of these rows. */
export const LIFECYCLE: Table = {
  draftSaved: {
    summary: 'a draft with new bytes is saved',
    write: 'new-version',
    patch: ({ scheduled }) => savedVersionState(scheduled),
  },
  draftDeleted: {
    summary: 'the draft is deleted',
    write: 'new-version',
    statuses: ['published', 'scheduled'],
    patch: () => ({ status: 'withdrawn', stage: STAGES.render, alertDue: false }),
  },
  scheduleDue: {
    summary: 'the publish time of a scheduled version comes',
    write: 'head-update',
    stages: [STAGES.scheduled],
    statuses: ['scheduled'],
    requires: ({ publishedAt }) => [{ field: 'publishedAt', oneOf: [publishedAt] }],
    patch: ({ publishedAt, related }) => ({ status: 'published', stage: STAGES.render, wentLive: true, publishedAt, related }),
  },
  pagesRendered: {
    summary: "the version's pages are live",
    write: 'head-update',
    stages: [STAGES.render],
    requires: ({ alertDue, relatedRev }) => [
      { field: 'alertDue', oneOf: [alertDue] },
      { field: 'relatedRev', oneOf: [relatedRev] },
    ],
    patch: ({ alertDue }) => ({ stage: alertDue ? STAGES.notify : STAGES.done }),
  },
  alertClaimed: {
    summary: 'the subscriber alert is claimed for sending',
    write: 'head-update',
    stages: [STAGES.notify],
    statuses: ['published'],
    alertDue: true,
    patch: () => ({ stage: STAGES.alerting, alertDue: false }),
  },
  alertSent: {
    summary: 'SNS accepted the claimed alert (or an operator found it was sent)',
    write: 'head-update',
    stages: [STAGES.alerting],
    requires: ({ rerender }) => [{ field: 'relatedPending', oneOf: [rerender] }],
    // A list held during the alert is on the head but not yet on the page: render it now (alertDue is false).
    patch: ({ rerender }) => (rerender ? { stage: STAGES.render, relatedPending: false } : { stage: STAGES.done }),
  },
  alertFailed: { summary: 'SNS refused the claimed alert', ...ALERT_OWED_AGAIN },
  alertReplayed: { summary: 'an operator sends an in-doubt alert again', ...ALERT_OWED_AGAIN },
  relatedChanged: {
    summary: "a newer article joins a published article's related links",
    write: 'head-update',
    // Not while an alert is being sent or in doubt (see relatedHeld).
    stages: [STAGES.render, STAGES.notify, STAGES.done],
    statuses: ['published'],
    requires: ({ revision }) => [{ field: 'relatedRev', below: revision }],
    patch: ({ related, revision }) => ({ related, relatedRev: revision, stage: STAGES.render, relatedPending: false }),
  },
  relatedHeld: {
    summary: 'a newer article joins the related links of an article whose alert is out: held until it is marked sent',
    write: 'head-update',
    // Rendering now would carry the head past its alert marker; `alertSent` sends it to render instead.
    stages: [STAGES.alerting],
    statuses: ['published'],
    requires: ({ revision }) => [{ field: 'relatedRev', below: revision }],
    patch: ({ related, revision }) => ({ related, relatedRev: revision, relatedPending: true }),
  },
  nudged: {
    summary: 'a head stuck in a consumer stage is re-announced, unchanged, so the consumer runs again',
    write: 'head-update',
    stages: [STAGES.render, STAGES.notify],
    requires: ({ stage }) => [{ field: 'stage', oneOf: [stage] }],
    patch: ({ at, nudges }) => ({ nudgedAt: at, nudges }),
  },
};

/**
 * Since when an unfinished head has been waiting for its next event: its
 * publish time when scheduled, else its version's write, its entry into the
 * stage or its last nudge, whichever is latest (ms since the epoch).
 */
export function waitingSince(head: Pick<ArticleHead, 'stage' | 'publishedAt' | 'updatedAt' | 'stageSince' | 'nudgedAt'>): number {
  if (head.stage === STAGES.scheduled) return Date.parse(head.publishedAt);
  const at = (value: string | undefined) => (value ? Date.parse(value) : 0);
  return Math.max(Date.parse(head.updatedAt), at(head.stageSince), at(head.nudgedAt));
}

/** Status and stage of a newly saved version (the `draftSaved` row). */
export function savedVersionState(scheduled: boolean): Pick<ArticleHead, 'status' | 'stage'> {
  return scheduled ? { status: 'scheduled', stage: STAGES.scheduled } : { status: 'published', stage: STAGES.render };
}

/**
 * Status and stage of an article imported from an archive as history: already
 * published and done (no stream consumer wakes for it, so nothing renders it
 * one by one and no alert is owed); the import renders the site once at the end.
 */
export function importedVersionState(): Pick<ArticleHead, 'status' | 'stage' | 'alertDue' | 'wentLive'> {
  return { status: 'published', stage: STAGES.done, alertDue: false, wentLive: true };
}

function transitionOf<E extends LifecycleEvent>(event: E): Transition<E> {
  return LIFECYCLE[event.type] as unknown as Transition<E>;
}

/** The clauses an article head must satisfy for `event` (the version match aside). */
export function guardOf(event: LifecycleEvent): readonly GuardClause[] {
  const row = transitionOf(event);
  return [
    ...(row.stages ? [{ field: 'stage', oneOf: row.stages } as const] : []),
    ...(row.statuses ? [{ field: 'status', oneOf: row.statuses } as const] : []),
    ...(row.alertDue === undefined ? [] : [{ field: 'alertDue', oneOf: [row.alertDue] } as const]),
    ...(row.requires?.(event) ?? []),
  ];
}

/** What `event` writes on the head it applies to. */
export function patchOf(event: LifecycleEvent): LifecyclePatch {
  return transitionOf(event).patch(event);
}

/** Whether `event` may happen to `head`: it exists and satisfies the event's guard. */
export function allows(head: ArticleHead | undefined, event: LifecycleEvent): head is ArticleHead {
  if (!head) return false;
  return guardOf(event).every((clause) => {
    const value = (head[clause.field] ?? ABSENT_AS[clause.field]) as string | boolean | number | undefined;
    return clause.oneOf ? value !== undefined && clause.oneOf.includes(value) : typeof value === 'number' && value < clause.below;
  });
}

/**
 * The events that record a changed related list, in the order to try them:
 * one of them fits any published head (re-render now, or hold the list while
 * its alert is out), so the index and the head never disagree for long.
 */
export function relatedListEvents(related: readonly RelatedLink[], revision: number): readonly HeadEvent[] {
  return [
    { type: 'relatedChanged', related, revision },
    { type: 'relatedHeld', related, revision },
  ];
}

/** The `alertSent` events, the usual one first: exactly one fits a head at `alerting`, whatever was held meanwhile. */
export const ALERT_SENT_EVENTS: readonly HeadEvent[] = [
  { type: 'alertSent', rerender: false },
  { type: 'alertSent', rerender: true },
];

/** The head after `event`, or undefined when the table does not allow it. Versions are the caller's business. */
export function applyEvent(head: ArticleHead | undefined, event: LifecycleEvent): ArticleHead | undefined {
  return allows(head, event) ? { ...head, ...patchOf(event) } : undefined;
}

/**
 * The stages at which a head wakes the consumer that makes `event` happen,
 * i.e. the stages the event's guard accepts. Stream filters are built from it.
 */
export function triggerStages(type: 'pagesRendered' | 'alertClaimed'): readonly Stage[] {
  const stages = LIFECYCLE[type].stages;
  if (!stages) throw new Error(`The ${type} row names no stage to trigger on`);
  return stages;
}
