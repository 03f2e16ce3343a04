import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPushService, type PushService } from '../../infra/local/push/push-service';
import { createPushSubscriptionStore, pushIdFor } from '../../shared/adapters/push-subscription-store';
import { slugify } from '../../shared/domain/draft';
import { dynamoDbClient } from '../support/aws-env';
import { endpoints, eventually, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

let push: PushService;
beforeAll(async () => {
  push = await startPushService();
});
afterAll(async () => {
  await push?.close();
});

const api = (path: string, body?: unknown) =>
  fetch(
    new URL(path, endpoints().site),
    body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
  );

async function publish(title: string, section: string) {
  const since = new Date();
  const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section }));
  expect((await waitForReport(key, since)).status).toBe('published');
}

describe('web push through the local push service', () => {
  it('registers a browser subscription through the API, and the push service receives and decrypts the alert', async () => {
    const { publicKey } = (await (await api('/api/push-subscriptions/key')).json()) as { publicKey: string };
    const subscription = push.subscribe(publicKey);
    const section = `Space ${Date.now().toString(36)}`;
    expect((await api('/api/push-subscriptions', { subscription, sections: [section] })).status).toBe(201);

    const title = uniqueTitle('Rocket lands');
    await publish(title, section);
    const [message] = await eventually(
      async () => (push.received(subscription.endpoint).length > 0 ? push.received(subscription.endpoint) : undefined),
      30_000,
      'a push',
    );
    const payload = JSON.parse(message?.payload ?? '{}') as { title?: string; url?: string };
    expect(payload.title).toBe(title);
    expect(payload.url).toMatch(/\/articles\//);
    expect(message?.claims.aud).toBe(push.url);
    expect(message?.claims.sub).toMatch(/^mailto:|^https:/);
  });

  it('removes a subscription the push service answers 410 Gone for', async () => {
    const { publicKey } = (await (await api('/api/push-subscriptions/key')).json()) as { publicKey: string };
    const subscription = push.subscribe(publicKey);
    const section = `Gone ${Date.now().toString(36)}`;
    expect((await api('/api/push-subscriptions', { subscription, sections: [section] })).status).toBe(201);
    const store = createPushSubscriptionStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().subscriberTableName });
    expect(await store.get(pushIdFor(subscription.endpoint))).toBeDefined();

    push.unsubscribe(subscription.endpoint);
    await publish(uniqueTitle('After the browser left'), section);
    await eventually(
      async () => ((await store.get(pushIdFor(subscription.endpoint))) === undefined ? true : undefined),
      30_000,
      'the subscription removed',
    );
  });

  it('refuses a registration whose keys are not a push subscription', async () => {
    const response = await api('/api/push-subscriptions', {
      subscription: { endpoint: 'https://push.example/x', keys: { p256dh: 'short', auth: 'x' } },
    });
    expect(response.status).toBe(400);
  });
});
