import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { EmailSender } from '../../../../shared/adapters/email-sender';
import { createRateLimiter } from '../../../../shared/adapters/rate-limiter';
import { createSubscriberStore } from '../../../../shared/adapters/subscriber-store';
import type { OutgoingEmail } from '../../../../shared/domain/subscriptions/emails';
import { subscriberIdFor } from '../../../../shared/domain/subscriptions/signed-token';
import { handleSubscriptionRequest, RATE_RULES, type ApiRequest } from '../../../../shared/use-cases/subscriptions/subscription-api';
import { dynamoDbClient } from '../../../support/aws-env';
import { endpoints } from '../../../support/local-stack-client';

const SECRET = 'k'.repeat(40);

function api() {
  const client = DynamoDBDocumentClient.from(dynamoDbClient(), { marshallOptions: { removeUndefinedValues: true } });
  const tableName = endpoints().subscriberTableName;
  const sent: OutgoingEmail[] = [];
  const mailer: EmailSender = {
    send: async (email) => {
      sent.push(email);
      return 'id';
    },
  };
  const store = createSubscriberStore({ client, tableName });
  const deps = {
    store,
    limiter: createRateLimiter({ client, tableName }),
    mailer,
    secret: async () => SECRET,
    site: { baseUrl: 'https://news.example', publication: 'The Newsroom' },
    now: () => new Date(),
  };
  const client_ = `client-${Math.random()}`;
  const call = (request: Partial<ApiRequest>) =>
    handleSubscriptionRequest(deps, {
      method: 'GET',
      path: '/',
      query: {},
      body: '',
      clientIp: client_,
      contentType: 'application/x-www-form-urlencoded',
      ...request,
    });
  const signUp = (email: string, extra = '') =>
    call({ method: 'POST', path: '/api/subscriptions', body: `email=${encodeURIComponent(email)}${extra}` });
  return { call, signUp, sent, store };
}

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
const linkIn = (email: OutgoingEmail | undefined) => new URL(email?.text.match(/https:\/\/\S+/)?.[0] ?? 'https://none/');

describe('the subscription API', () => {
  it('answers a sign-up the same way whether or not the address is already subscribed', async () => {
    const { signUp, call, sent } = api();
    const email = unique('same-answer');
    const first = await signUp(email);
    const confirm = linkIn(sent[0]);
    await call({ method: 'POST', path: confirm.pathname, body: `token=${confirm.searchParams.get('token')}` });
    const second = await signUp(email);
    expect(second.status).toBe(first.status);
    expect(second.body).toBe(first.body);
    expect(sent.map((m) => m.subject)).toEqual(['Confirm your The Newsroom alerts', 'Your The Newsroom alerts']);
  });

  it('does not confirm on GET (what link scanners do), only on the POST of the page', async () => {
    const { signUp, call, sent, store } = api();
    const email = unique('scanner');
    await signUp(email, '&sections=World&breaking=on');
    const link = linkIn(sent[0]);
    const page = await call({ method: 'GET', path: link.pathname, query: Object.fromEntries(link.searchParams) });
    expect(page.body).toContain('<form method="post" action="/api/subscriptions/confirm">');
    const id = subscriberIdFor(email, SECRET);
    expect((await store.get(id))?.status).toBe('pending');
    await call({ method: 'POST', path: link.pathname, body: `token=${link.searchParams.get('token')}` });
    expect(await store.get(id)).toMatchObject({ status: 'active', sections: ['World'], breakingOnly: true });
  });

  it('sends at most the per-address limit of confirmation emails, answering every request alike', async () => {
    const { signUp, sent } = api();
    const email = unique('flood');
    const answers = [];
    for (let i = 0; i < RATE_RULES.perAddress.limit + 2; i++) answers.push((await signUp(email)).status);
    expect(answers.every((status) => status === 200)).toBe(true);
    expect(sent).toHaveLength(RATE_RULES.perAddress.limit);
  });

  it('answers 429 once one client exceeds its limit', async () => {
    const { call } = api();
    const statuses = [];
    for (let i = 0; i < RATE_RULES.perClient.limit + 1; i++) statuses.push((await call({ method: 'GET', path: '/api/nothing' })).status);
    expect(statuses.slice(0, -1).every((status) => status === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('refuses an invalid address and a forged or missing token', async () => {
    const { signUp, call } = api();
    expect((await signUp('not-an-address')).status).toBe(400);
    expect(
      (await call({ method: 'POST', path: '/api/subscriptions/unsubscribe', query: { token: 'forged.token' }, body: 'List-Unsubscribe=One-Click' }))
        .status,
    ).toBe(400);
    expect((await call({ method: 'GET', path: '/api/subscriptions/preferences' })).status).toBe(400);
  });

  it('unsubscribes at once on a one-click POST and erases the address', async () => {
    const { signUp, call, sent, store } = api();
    const email = unique('one-click');
    await signUp(email);
    const confirm = linkIn(sent[0]);
    await call({ method: 'POST', path: confirm.pathname, body: `token=${confirm.searchParams.get('token')}` });
    await signUp(email);
    const manage = linkIn(sent[1]);
    const token = manage.searchParams.get('token') ?? '';
    const response = await call({ method: 'POST', path: '/api/subscriptions/unsubscribe', query: { token }, body: 'List-Unsubscribe=One-Click' });
    expect(response.status).toBe(200);
    expect(await store.get(subscriberIdFor(email, SECRET))).toBeUndefined();
  });
});
