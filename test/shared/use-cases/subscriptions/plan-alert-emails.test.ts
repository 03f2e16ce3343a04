import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlertPayload } from '../../../../events/alert-payload';
import { ensureSubscriberTable } from '../../../../infra/local/provision-subscribers';
import { createPushSubscriptionStore } from '../../../../shared/adapters/push-subscription-store';
import { createSubscriberStore, type Recipient, type SubscriberStore } from '../../../../shared/adapters/subscriber-store';
import { type PlanDependencies, planAlertEmails, shareInterestPages } from '../../../../shared/use-cases/subscriptions/plan-alert-emails';
import { dynamoDbClient } from '../../../support/aws-env';

const alert = (id: string, section: string, tags: string[] = []): AlertPayload => ({
  alertId: `${id}#1`,
  title: `Story ${id}`,
  takeaways: [],
  url: `https://news.example/articles/${id}/`,
  section,
  tags,
  breaking: false,
  language: 'en',
});

/** A queue that keeps what it is sent, and a store that counts the interest pages read through it. */
function recording(store: Pick<SubscriberStore, 'pageInterest'>, pushStore: PlanDependencies['pushStore']) {
  const sent: string[] = [];
  const reads: string[] = [];
  const deps: PlanDependencies = {
    store: {
      pageInterest: (key, cursor) => {
        reads.push(key);
        return store.pageInterest(key, cursor);
      },
    },
    ...(pushStore ? { pushStore } : {}),
    queue: { sendAll: async (bodies) => void sent.push(...bodies) },
  };
  return { deps, sent, reads };
}

let subscribers: SubscriberStore;
let pushStore: PlanDependencies['pushStore'];

beforeAll(async () => {
  const client = dynamoDbClient();
  const tableName = `plan-alerts-test-${Date.now()}`;
  await ensureSubscriberTable(client, tableName);
  const documents = DynamoDBDocumentClient.from(client);
  subscribers = createSubscriberStore({ client: documents, tableName });
  pushStore = createPushSubscriptionStore({ client: documents, tableName });
  const now = new Date();
  const readers = [
    { id: 'everything', email: 'everything@example.com', sections: [], tags: [], breakingOnly: false },
    { id: 'world', email: 'world@example.com', sections: ['World'], tags: [], breakingOnly: false },
    { id: 'tech', email: 'tech@example.com', sections: ['Tech'], tags: ['ai'], breakingOnly: false },
  ];
  for (const reader of readers) {
    await subscribers.upsertPending(reader, now);
    await subscribers.activate(reader.id, now);
  }
});

describe('planning the alerts of one invocation', () => {
  it('reads each interest partition that fits a page once, and queues the batches each alert gets alone', async () => {
    const alerts = [alert('a', 'World'), alert('b', 'World'), alert('c', 'Tech', ['AI'])];
    const alone = recording(subscribers, pushStore);
    for (const each of alerts) await planAlertEmails(alone.deps, each);

    const together = recording(subscribers, pushStore);
    const shared = shareInterestPages(together.deps);
    await Promise.all(alerts.map((each) => planAlertEmails(shared, each)));

    expect(alone.reads).toEqual(['ALL', 'SECTION#world', 'ALL', 'SECTION#world', 'ALL', 'SECTION#tech', 'TAG#ai']);
    expect(together.reads.sort()).toEqual(['ALL', 'SECTION#tech', 'SECTION#world', 'TAG#ai']);
    expect(together.sent.sort()).toEqual(alone.sent.sort());
    const recipientsOf = (alertId: string) =>
      together.sent.flatMap((body) => {
        const batch = JSON.parse(body) as { alert: AlertPayload; recipients: Recipient[] };
        return batch.alert.alertId === alertId ? batch.recipients.map((recipient) => recipient.id) : [];
      });
    expect(recipientsOf('a#1')).toEqual(['everything', 'world']);
    expect(recipientsOf('c#1')).toEqual(['everything', 'tech']);
  });

  it('pages a partition longer than one page afresh for each alert', async () => {
    const pages: Record<string, { recipients: Recipient[]; next?: Record<string, unknown> }> = {
      first: { recipients: [{ id: 'r1', email: 'r1@example.com' }], next: { at: 'r1' } },
      second: { recipients: [{ id: 'r2', email: 'r2@example.com' }] },
    };
    const long = recording(
      { pageInterest: async (key, cursor) => (key !== 'ALL' ? { recipients: [] } : cursor ? pages.second : pages.first) ?? { recipients: [] } },
      undefined,
    );
    const shared = shareInterestPages(long.deps);
    const first = await planAlertEmails(shared, alert('a', 'World'));
    const second = await planAlertEmails(shared, alert('b', 'World'));

    expect([first.recipients, second.recipients]).toEqual([2, 2]);
    expect(long.reads.filter((key) => key === 'ALL')).toHaveLength(4);
  });
});
