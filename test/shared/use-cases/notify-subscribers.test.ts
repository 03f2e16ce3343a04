import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { STAGES } from '../../../shared/domain/lifecycle';
import { ensureArticleTable } from '../../../infra/local/provision';
import { createArticleStore, type ArticleStore } from '../../../shared/adapters/article-store';
import type { TopicMessage, TopicPublisher } from '../../../shared/adapters/topic-publisher';
import type { ArticleHead } from '../../../shared/domain/article';
import { notifySubscribers } from '../../../shared/use-cases/notify-subscribers';
import { articleHead } from '../../support/article-fixtures';
import { dynamoDbClient } from '../../support/aws-env';

let store: ArticleStore;

function liveHead(id: string, stage: ArticleHead['stage'] = STAGES.notify): ArticleHead {
  return articleHead(id, { stage, title: `Story ${id}`, section: 'Tech', slug: `story-${id}`, tags: ['chips'], sourceHash: 'h' });
}

/** An alerts topic that records what it was sent, failing the first `failures` publishes (SNS being down). */
function recordingTopic(failures = 0): TopicPublisher & { sent: TopicMessage[] } {
  const sent: TopicMessage[] = [];
  let remaining = failures;
  return {
    sent,
    async publish(message) {
      if (remaining-- > 0) throw new Error('SNS unavailable');
      sent.push(message);
      return `m-${sent.length}`;
    },
  };
}

beforeAll(async () => {
  const client = dynamoDbClient();
  const tableName = `notify-test-${Date.now()}`;
  await ensureArticleTable(client, tableName);
  store = createArticleStore({ client: DynamoDBDocumentClient.from(client), tableName });
});

describe('notifySubscribers on DynamoDB Local', () => {
  it('sends one alert however often the same notify record arrives, even at once', async () => {
    await store.saveVersion(liveHead('n1'), 0);
    const alerts = recordingTopic();
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    const outcomes = await Promise.all([1, 2, 3].map(() => notifySubscribers(deps, { id: 'n1', version: 1 })));
    expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(1);
    expect(alerts.sent).toHaveLength(1);
  });

  it('gives the alert back when SNS fails, so the retry sends it exactly once', async () => {
    await store.saveVersion(liveHead('n2'), 0);
    const alerts = recordingTopic(1);
    const deps = { store, alerts, siteUrl: 'https://news.example' };
    await expect(notifySubscribers(deps, { id: 'n2', version: 1 })).rejects.toThrow('SNS unavailable');
    expect(await store.getHead('n2')).toMatchObject({ stage: STAGES.notify, alertDue: true });
    expect(await notifySubscribers(deps, { id: 'n2', version: 1 })).toBe('sent');
    expect(await notifySubscribers(deps, { id: 'n2', version: 1 })).toBe('skipped');
    expect(alerts.sent).toHaveLength(1);
  });

  it('does not alert for a version whose page has not been rendered yet', async () => {
    await store.saveVersion(liveHead('n3', STAGES.render), 0);
    const alerts = recordingTopic();
    expect(await notifySubscribers({ store, alerts, siteUrl: 'https://news.example' }, { id: 'n3', version: 1 })).toBe('skipped');
    expect(alerts.sent).toHaveLength(0);
  });

  it('builds the alert with the section, tags, breaking flag and language as attributes', async () => {
    await store.saveVersion(liveHead('n4'), 0);
    const alerts = recordingTopic();
    await notifySubscribers({ store, alerts, siteUrl: 'https://news.example' }, { id: 'n4', version: 1 });
    expect(alerts.sent[0]?.attributes).toEqual({ section: 'Tech', tags: ['chips'], breaking: false, language: 'en' });
    expect(alerts.sent[0]?.subject).toBe('Story n4');
  });
});
