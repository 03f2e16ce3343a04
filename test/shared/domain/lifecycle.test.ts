import { describe, expect, it } from 'vitest';
import {
  STAGE_NAMES,
  STAGES,
  UNFINISHED_STAGES,
  ALERT_SENT_EVENTS,
  allows,
  applyEvent,
  guardOf,
  LIFECYCLE,
  relatedListEvents,
  triggerStages,
  waitingSince,
  type LifecycleEvent,
} from '../../../shared/domain/lifecycle';
import { planWithdrawal } from '../../../shared/domain/publishing/next-version';
import { articleHead } from '../../support/article-fixtures';

const at = '2026-11-30T09:00:00.000Z';
const related = [{ slug: 'other', title: 'Other', section: 'World' }];

describe('the article lifecycle table', () => {
  it('takes an owed alert from render through notify and alerting to done, and never twice', () => {
    const rendered = applyEvent(articleHead('l1'), { type: 'pagesRendered', alertDue: true, relatedRev: 0 });
    expect(rendered).toMatchObject({ stage: STAGES.notify, alertDue: true });
    const claimed = applyEvent(rendered, { type: 'alertClaimed' });
    expect(claimed).toMatchObject({ stage: STAGES.alerting, alertDue: false });
    expect(applyEvent(claimed, { type: 'alertClaimed' })).toBeUndefined();
    const sent = applyEvent(claimed, { type: 'alertSent', rerender: false });
    expect(sent).toMatchObject({ stage: STAGES.done, alertDue: false });
    expect(applyEvent(sent, { type: 'alertClaimed' })).toBeUndefined();
    expect(applyEvent(sent, { type: 'alertReplayed' })).toBeUndefined();
  });

  it('holds an alert in doubt at alerting until an operator marks it sent or replays it', () => {
    const claimed = applyEvent(articleHead('l12', { stage: STAGES.notify }), { type: 'alertClaimed' });
    expect(allows(claimed, { type: 'relatedChanged', related, revision: 1 })).toBe(false);
    expect(allows(claimed, { type: 'pagesRendered', alertDue: false, relatedRev: 0 })).toBe(false);
    const replayed = applyEvent(claimed, { type: 'alertReplayed' });
    expect(replayed).toMatchObject({ stage: STAGES.notify, alertDue: true });
    expect(allows(replayed, { type: 'alertSent', rerender: false })).toBe(false);
  });

  it('holds a related list that changes during the alert, and renders it once the alert is marked sent', () => {
    const claimed = applyEvent(articleHead('l13', { stage: STAGES.notify }), { type: 'alertClaimed' });
    const [changed, held] = relatedListEvents(related, 1);
    expect(allows(claimed, changed!)).toBe(false);
    const holding = applyEvent(claimed, held!);
    expect(holding).toMatchObject({ stage: STAGES.alerting, related, relatedPending: true });
    // Exactly one alertSent fits, before and after the hold; the held list sends the head back to render, owing nothing.
    expect(ALERT_SENT_EVENTS.filter((event) => allows(claimed, event))).toEqual([{ type: 'alertSent', rerender: false }]);
    expect(ALERT_SENT_EVENTS.filter((event) => allows(holding, event))).toEqual([{ type: 'alertSent', rerender: true }]);
    const sent = applyEvent(holding, { type: 'alertSent', rerender: true });
    expect(sent).toMatchObject({ stage: STAGES.render, alertDue: false, relatedPending: false, related });
    expect(applyEvent(sent, { type: 'pagesRendered', alertDue: false, relatedRev: 1 })?.stage).toBe(STAGES.done);
  });

  it('keeps a held list through a failed alert, and renders it when the alert finally goes', () => {
    const claimed = applyEvent(articleHead('l14', { stage: STAGES.notify }), { type: 'alertClaimed' });
    const released = applyEvent(applyEvent(claimed, { type: 'relatedHeld', related, revision: 1 }), { type: 'alertFailed' });
    const reclaimed = applyEvent(released, { type: 'alertClaimed' });
    expect(applyEvent(reclaimed, ALERT_SENT_EVENTS.find((event) => allows(reclaimed, event))!)?.stage).toBe(STAGES.render);
  });

  it('refuses pagesRendered when the related list changed while the pages were rendering', () => {
    const read = articleHead('l16');
    const changed = applyEvent(read, { type: 'relatedChanged', related, revision: 1 });
    expect(allows(changed, { type: 'pagesRendered', alertDue: read.alertDue, relatedRev: 0 })).toBe(false);
    expect(allows(changed, { type: 'pagesRendered', alertDue: read.alertDue, relatedRev: 1 })).toBe(true);
  });

  it('never takes a related list older than the one the head holds', () => {
    const newer = applyEvent(articleHead('l17', { stage: STAGES.done }), { type: 'relatedChanged', related, revision: 2 });
    expect(allows(newer, { type: 'relatedChanged', related: [], revision: 1 })).toBe(false);
    expect(allows(newer, { type: 'relatedChanged', related: [], revision: 2 })).toBe(false);
    expect(applyEvent(newer, { type: 'relatedChanged', related: [], revision: 3 })).toMatchObject({ relatedRev: 3, related: [] });
  });

  it('holds a related list only while an alert is out', () => {
    for (const stage of STAGE_NAMES.filter((name) => name !== STAGES.alerting)) {
      expect(allows(articleHead('l15', { stage }), { type: 'relatedHeld', related, revision: 1 })).toBe(false);
    }
  });

  it('sends a version with no alert owed from render straight to done', () => {
    expect(applyEvent(articleHead('l2', { alertDue: false }), { type: 'pagesRendered', alertDue: false, relatedRev: 0 })?.stage).toBe(STAGES.done);
  });

  it("refuses pagesRendered when the alertDue it was decided on is not the head's", () => {
    expect(allows(articleHead('l3', { alertDue: true }), { type: 'pagesRendered', alertDue: false, relatedRev: 0 })).toBe(false);
  });

  it('gives a failed alert back so it can be claimed again', () => {
    const claimed = applyEvent(articleHead('l4', { stage: STAGES.notify }), { type: 'alertClaimed' });
    const released = applyEvent(claimed, { type: 'alertFailed' });
    expect(released).toMatchObject({ stage: STAGES.notify, alertDue: true });
    expect(allows(released, { type: 'alertClaimed' })).toBe(true);
  });

  it('does not alert for a page that has not been rendered', () => {
    expect(allows(articleHead('l5', { stage: STAGES.render }), { type: 'alertClaimed' })).toBe(false);
  });

  it('does not alert for a withdrawn version, even at the notify stage', () => {
    expect(allows(articleHead('l6', { stage: STAGES.notify, status: 'withdrawn' }), { type: 'alertClaimed' })).toBe(false);
  });

  it('publishes a scheduled version at its time, only if it is still scheduled for that time', () => {
    const scheduled = articleHead('l7', { status: 'scheduled', stage: STAGES.scheduled, publishedAt: at });
    expect(applyEvent(scheduled, { type: 'scheduleDue', publishedAt: at, related })).toMatchObject({
      status: 'published',
      stage: STAGES.render,
      wentLive: true,
      publishedAt: at,
      related,
    });
    expect(allows(scheduled, { type: 'scheduleDue', publishedAt: '2026-12-01T09:00:00.000Z', related })).toBe(false);
    expect(allows({ ...scheduled, status: 'published', stage: STAGES.render }, { type: 'scheduleDue', publishedAt: at, related })).toBe(false);
  });

  it('re-renders a published article whose related list changed, at any stage, keeping its alert', () => {
    for (const stage of STAGE_NAMES.filter((name) => name !== STAGES.scheduled && name !== STAGES.alerting)) {
      expect(applyEvent(articleHead('l8', { stage }), { type: 'relatedChanged', related, revision: 1 })).toMatchObject({
        stage: STAGES.render,
        related,
        alertDue: true,
      });
    }
    expect(allows(articleHead('l9', { status: 'scheduled', stage: STAGES.scheduled }), { type: 'relatedChanged', related, revision: 1 })).toBe(false);
  });

  it('withdraws a published or scheduled article once, owing nothing', () => {
    const withdrawn = applyEvent(articleHead('l10', { stage: STAGES.notify }), { type: 'draftDeleted' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', stage: STAGES.render, alertDue: false });
    expect(allows(withdrawn, { type: 'draftDeleted' })).toBe(false);
  });

  it('starts a saved version at render, or at scheduled when it waits for its time', () => {
    expect(applyEvent(articleHead('l11'), { type: 'draftSaved', scheduled: false })).toMatchObject({ status: 'published', stage: STAGES.render });
    expect(applyEvent(articleHead('l11'), { type: 'draftSaved', scheduled: true })).toMatchObject({ status: 'scheduled', stage: STAGES.scheduled });
  });

  it('allows nothing to a head that does not exist', () => {
    const events: LifecycleEvent[] = [{ type: 'alertClaimed' }, { type: 'draftDeleted' }, { type: 'relatedChanged', related, revision: 1 }];
    expect(events.map((event) => allows(undefined, event))).toEqual([false, false, false]);
  });

  it('wakes each stream consumer at exactly one stage, and no two consumers at the same one', () => {
    const render = triggerStages('pagesRendered');
    const notify = triggerStages('alertClaimed');
    expect([render, notify]).toEqual([[STAGES.render], [STAGES.notify]]);
  });

  it("never lets a consumer's own write wake it again", () => {
    for (const type of ['pagesRendered', 'alertClaimed'] as const) {
      const row = LIFECYCLE[type];
      const written =
        type === 'pagesRendered'
          ? [row.patch({ type, alertDue: true } as never), row.patch({ type, alertDue: false } as never)]
          : [row.patch({ type } as never)];
      for (const patch of written) expect(triggerStages(type)).not.toContain(patch.stage);
    }
  });

  it('guards every head update by the stage, status or alert flag it was decided on', () => {
    const headEvents: LifecycleEvent[] = [
      { type: 'scheduleDue', publishedAt: at, related },
      { type: 'pagesRendered', alertDue: true, relatedRev: 0 },
      { type: 'alertClaimed' },
      { type: 'alertSent', rerender: false },
      { type: 'alertFailed' },
      { type: 'alertReplayed' },
      { type: 'relatedChanged', related, revision: 1 },
      { type: 'relatedHeld', related, revision: 1 },
      { type: 'nudged', stage: STAGES.render, at, nudges: 1 },
    ];
    for (const event of headEvents) expect(guardOf(event).length).toBeGreaterThan(0);
  });

  it('re-announces a head only at the consumer stage it was read at, leaving its state as it was', () => {
    for (const stage of [STAGES.render, STAGES.notify]) {
      const head = articleHead('n1', { stage, nudges: 1 });
      expect(applyEvent(head, { type: 'nudged', stage, at, nudges: 2 })).toEqual({ ...head, nudgedAt: at, nudges: 2 });
    }
    expect(allows(articleHead('n2', { stage: STAGES.notify }), { type: 'nudged', stage: STAGES.render, at, nudges: 1 })).toBe(false);
    for (const stage of [STAGES.done, STAGES.scheduled]) {
      expect(allows(articleHead('n3', { stage }), { type: 'nudged', stage, at, nudges: 1 })).toBe(false);
    }
  });

  it('counts nudges per version: a withdrawal starts the new version with none', () => {
    const nudged = articleHead('n4', { nudgedAt: at, nudges: 2 });
    const withdrawn = planWithdrawal(nudged, '2026-11-30T10:00:00.000Z');
    expect(withdrawn).toMatchObject({ version: 2, status: 'withdrawn' });
    expect(withdrawn).not.toHaveProperty('nudges');
    expect(withdrawn).not.toHaveProperty('nudgedAt');
  });

  it('calls every stage but done unfinished, and measures the wait from the schedule, the version or the last nudge', () => {
    expect([...UNFINISHED_STAGES].sort()).toEqual(STAGE_NAMES.filter((stage) => stage !== STAGES.done).sort());
    const updatedAt = '2026-11-30T08:00:00.000Z';
    expect(waitingSince(articleHead('w1', { stage: STAGES.scheduled, publishedAt: at, updatedAt }))).toBe(Date.parse(at));
    expect(waitingSince(articleHead('w2', { stage: STAGES.render, publishedAt: at, updatedAt }))).toBe(Date.parse(updatedAt));
    expect(waitingSince(articleHead('w3', { stage: STAGES.notify, updatedAt, nudgedAt: at }))).toBe(Date.parse(at));
  });
});
