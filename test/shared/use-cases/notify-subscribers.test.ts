import { beforeEach, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/domain/lifecycle';
import type { ArticleStore } from '../../../shared/ports/article-store';
import type { ArticleHeadWithContent } from '../../../shared/domain/article';
import { notifySubscribers } from '../../../shared/use-cases/notify-subscribers';
import { alertMessageSchema } from '../../../events/alert-message';
import { PublishRejectedError } from '../../../shared/ports/topic-publisher';
import { articleHead } from '../../support/article-fixtures';
import { createMemoryArticleStore } from '../../support/in-memory/article-store';
import { createRecordingTopic as recordingTopic } from '../../support/in-memory/ports';

let store: ArticleStore;

function liveHead(id: string, stage: ArticleHeadWithContent['stage'] = STAGES.notify): ArticleHeadWithContent {
  return articleHead(id, { stage, title: `Story ${id}`, section: 'Tech', slug: `story-${id}`, tags: ['chips'], sourceHash: 'h' });
}

beforeEach(() => {
  store = createMemoryArticleStore();
});

describe('notifySubscribers', () => {
  it('sends one alert however often the same notify record arrives, even at once', async () => {
    await store.saveVersion(liveHead('n1'), 0);
    const alerts = recordingTopic();
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    const results = await Promise.all([1, 2, 3].map(() => notifySubscribers(deps, { id: 'n1', version: 1 })));
    expect(results.filter(({ outcome }) => outcome === 'sent')).toHaveLength(1);
    expect(alerts.sent).toHaveLength(1);
    expect(await store.getHead('n1')).toMatchObject({ stage: STAGES.done, alertDue: false });
  });

  it('gives the alert back when SNS provably refused it, so the retry sends it exactly once', async () => {
    await store.saveVersion(liveHead('n2'), 0);
    const alerts = recordingTopic(1, () => new PublishRejectedError('Throttled'));
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    await expect(notifySubscribers(deps, { id: 'n2', version: 1 })).rejects.toThrow('Throttled');
    expect(await store.getHead('n2')).toMatchObject({ stage: STAGES.notify, alertDue: true });
    expect((await notifySubscribers(deps, { id: 'n2', version: 1 })).outcome).toBe('sent');
    expect((await notifySubscribers(deps, { id: 'n2', version: 1 })).outcome).toBe('skipped');
    expect(alerts.sent).toHaveLength(1);
  });

  it('keeps the claim, in doubt, when publishing ends without proof either way, and never resends on its own', async () => {
    await store.saveVersion(liveHead('n5'), 0);
    const alerts = recordingTopic(1, () => Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    expect(await notifySubscribers(deps, { id: 'n5', version: 1 })).toEqual({ outcome: 'in-doubt', reason: 'TimeoutError: socket hang up' });
    expect(await store.getHead('n5')).toMatchObject({ stage: STAGES.alerting, alertDue: false });
    expect((await notifySubscribers(deps, { id: 'n5', version: 1 })).outcome).toBe('skipped');
    expect(alerts.sent).toHaveLength(0);
  });

  it('does not alert for a version whose page has not been rendered yet', async () => {
    await store.saveVersion(liveHead('n3', STAGES.render), 0);
    const alerts = recordingTopic();
    expect((await notifySubscribers({ store, alerts, siteUrl: 'https://news.example' }, { id: 'n3', version: 1 })).outcome).toBe('skipped');
    expect(alerts.sent).toHaveLength(0);
  });

  it('builds the alert with the section, tags, breaking flag and language as attributes', async () => {
    await store.saveVersion(liveHead('n4'), 0);
    const alerts = recordingTopic();
    await notifySubscribers({ store, alerts, siteUrl: 'https://news.example' }, { id: 'n4', version: 1 });
    expect(alerts.sent[0]?.attributes).toEqual({ section: 'Tech', tags: ['chips'], breaking: false, language: 'en' });
    expect(alerts.sent[0]?.subject).toBe('Story n4');
  });

  it('alerts from the head its stream record showed, without reading the head again', async () => {
    await store.saveVersion(liveHead('n6'), 0);
    const seen = await store.getHead('n6');
    const alerts = recordingTopic();
    const unread = { ...store, getHead: () => Promise.reject(new Error('read the head again')) };
    expect((await notifySubscribers({ store: unread, alerts, siteUrl: 'https://news.example' }, { id: 'n6', version: 1 }, seen)).outcome).toBe(
      'sent',
    );
    expect(alerts.sent.map((alert) => alert.subject)).toEqual(['Story n6']);
    expect(await store.getHead('n6')).toMatchObject({ stage: STAGES.done, alertDue: false });
  });

  it("puts the version's takeaways in the alert, read from its version item (the head holds none), and claims nothing when that item is missing", async () => {
    await store.saveVersion({ ...liveHead('n8'), takeaways: ['First point.', 'Second point.'] }, 0);
    const alerts = recordingTopic();
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    expect(await store.getHead('n8')).not.toHaveProperty('takeaways');
    await notifySubscribers(deps, { id: 'n8', version: 1 });
    expect(alertMessageSchema.parse(alerts.sent[0]?.message).email).toContain('Key takeaways:\n- First point.\n- Second point.');

    await store.saveVersion(liveHead('n9'), 0);
    const noContent = { ...store, getContents: async () => new Map() };
    await expect(notifySubscribers({ ...deps, store: noContent }, { id: 'n9', version: 1 })).rejects.toThrow('No stored content for n9');
    expect(await store.getHead('n9')).toMatchObject({ stage: STAGES.notify, alertDue: true });
  });

  it('sends nothing for a seen head that has moved on since: its claim is refused', async () => {
    await store.saveVersion(liveHead('n7'), 0);
    const seen = await store.getHead('n7');
    const alerts = recordingTopic();
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    expect((await notifySubscribers(deps, { id: 'n7', version: 1 })).outcome).toBe('sent');
    expect((await notifySubscribers(deps, { id: 'n7', version: 1 }, seen)).outcome).toBe('skipped');
    expect(alerts.sent).toHaveLength(1);
  });
});
