import {
  GetEndpointAttributesCommand,
  GetSubscriptionAttributesCommand,
  ListSubscriptionsByTopicCommand,
  SNSClient,
  type Subscription,
} from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { SUBSCRIPTION_PATHS } from '../../events/subscriber-names';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { endpoints, eventually, readOutbox, uploadDraft } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

const sns = () => new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });

const register = (body: unknown) =>
  fetch(new URL(SUBSCRIPTION_PATHS.devices, endpoints().site), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function subscriptionOfToken(token: string): Promise<Subscription | undefined> {
  const client = sns();
  let next: string | undefined;
  do {
    const page = await client.send(new ListSubscriptionsByTopicCommand({ TopicArn: endpoints().alertsTopicArn, NextToken: next }));
    for (const subscription of page.Subscriptions ?? []) {
      if (subscription.Protocol !== 'application' || !subscription.Endpoint?.startsWith('arn:')) continue;
      const { Attributes } = await client.send(new GetEndpointAttributesCommand({ EndpointArn: subscription.Endpoint }));
      if (Attributes?.Token === token) return subscription;
    }
    next = page.NextToken;
  } while (next);
  return undefined;
}

describe('an app registers for mobile push through the API', () => {
  it('gets a platform endpoint subscribed with its filter policy, and the next story in its section arrives as an FCM message', async () => {
    const token = `fcm-${Date.now().toString(36)}-${'x'.repeat(40)}`;
    expect((await register({ platform: 'fcm', token: 'short' })).status).toBe(400);
    expect((await register({ platform: 'fcm', token, sections: ['Science'] })).status).toBe(201);
    const subscription = await subscriptionOfToken(token);
    const { Attributes } = await sns().send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription?.SubscriptionArn }));
    expect(JSON.parse(Attributes?.FilterPolicy ?? '{}')).toEqual({ section: ['Science'] });

    const title = uniqueTitle('Mobile push');
    const other = uniqueTitle('Mobile push elsewhere');
    await uploadDraft(`mobile-${Date.now()}.md`, markdownDraft({ title, section: 'Science' }));
    await uploadDraft(`mobile-other-${Date.now()}.md`, markdownDraft({ title: other, section: 'Business' }));
    const mine = async () => (await readOutbox()).filter((d) => d.endpoint === subscription?.Endpoint);
    const delivered = await eventually(async () => (await mine()).find((d) => d.message.includes(title)), undefined, 'the FCM delivery');
    expect(JSON.parse(delivered.message)).toMatchObject({ notification: { title } });
    // By the time the Science story's alert is out, wait for the Business one's too before asserting it never came.
    await eventually(async () => ((await readOutbox()).some((d) => d.message.includes(other)) ? true : undefined), undefined, 'the other alert');
    expect((await mine()).some((d) => d.message.includes(other))).toBe(false);
  });
});
