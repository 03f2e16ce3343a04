import {
  CreatePlatformApplicationCommand,
  CreatePlatformEndpointCommand,
  CreateTopicCommand,
  DeleteEndpointCommand,
  GetEndpointAttributesCommand,
  GetSubscriptionAttributesCommand,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  NotFoundException,
  PublishCommand,
  SetEndpointAttributesCommand,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_ATTRIBUTES } from '../../../../events/names';
import { createDeviceRegistry } from '../../../../shared/adapters/device-registry';
import { startTestEndpoint, type TestEndpoint } from './sns-test-endpoint';

const TOKEN = 'ab'.repeat(32);
let sns: TestEndpoint;
let apns: string;
let fcm: string;
let topicArn: string;

beforeEach(async () => {
  sns = await startTestEndpoint();
  const app = async (Name: string, Platform: string) =>
    (await sns.client.send(new CreatePlatformApplicationCommand({ Name, Platform, Attributes: { PlatformCredential: 'placeholder' } })))
      .PlatformApplicationArn ?? '';
  apns = await app('news-ios', 'APNS');
  fcm = await app('news-android', 'GCM');
  topicArn = (await sns.client.send(new CreateTopicCommand({ Name: 'alerts' }))).TopicArn ?? '';
});

afterEach(async () => {
  await sns.dispose();
});

const endpointFor = async (PlatformApplicationArn: string, Token: string, Attributes?: Record<string, string>) =>
  (await sns.client.send(new CreatePlatformEndpointCommand({ PlatformApplicationArn, Token, Attributes }))).EndpointArn ?? '';

const publish = (section: string, headline: string) =>
  sns.client.send(
    new PublishCommand({
      TopicArn: topicArn,
      MessageStructure: 'json',
      Message: JSON.stringify({ default: headline, APNS: `apns: ${headline}`, GCM: `gcm: ${headline}` }),
      MessageAttributes: {
        [ALERT_ATTRIBUTES.section]: { DataType: 'String', StringValue: section },
        [ALERT_ATTRIBUTES.language]: { DataType: 'String', StringValue: 'en' },
      },
    }),
  );

describe('local SNS platform applications and endpoints', () => {
  it('refuses what AWS refuses: missing credential, unknown platform, unknown or malformed application, bad token, unknown attribute', async () => {
    await expect(sns.client.send(new CreatePlatformApplicationCommand({ Name: 'x', Platform: 'APNS', Attributes: {} }))).rejects.toThrow(
      InvalidParameterException,
    );
    await expect(
      sns.client.send(new CreatePlatformApplicationCommand({ Name: 'x', Platform: 'TELEGRAPH', Attributes: { PlatformCredential: 'c' } })),
    ).rejects.toThrow(InvalidParameterException);
    await expect(endpointFor(apns.replace('news-ios', 'other-app'), TOKEN)).rejects.toThrow(NotFoundException);
    await expect(endpointFor('arn:aws:sns:us-east-1:000000000000:alerts', TOKEN)).rejects.toThrow(InvalidParameterException);
    await expect(endpointFor(apns, 'not-hex')).rejects.toThrow(/64 hexadecimal/);
    await expect(endpointFor(fcm, 'token with spaces')).rejects.toThrow(InvalidParameterException);
    await expect(endpointFor(fcm, 'fcm-token-1', { Colour: 'red' })).rejects.toThrow(/Unknown attribute Colour/);
    await expect(
      sns.client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'application', Endpoint: `${apns.replace(':app/', ':endpoint/')}/nope` })),
    ).rejects.toThrow(InvalidParameterException);
  });

  it('returns the same endpoint for the same token and attributes, refuses different attributes naming the existing one, and deletes idempotently', async () => {
    const arn = await endpointFor(apns, TOKEN);
    expect(arn).toMatch(/^arn:aws:sns:us-east-1:000000000000:endpoint\/APNS\/news-ios\/[\w-]+$/);
    expect(await endpointFor(apns, TOKEN)).toBe(arn);
    await expect(endpointFor(apns, TOKEN, { CustomUserData: 'x' })).rejects.toThrow(
      `Endpoint ${arn} already exists with the same Token, but different attributes.`,
    );
    await sns.client.send(new SetEndpointAttributesCommand({ EndpointArn: arn, Attributes: { Enabled: 'false', CustomUserData: 'u1' } }));
    expect((await sns.client.send(new GetEndpointAttributesCommand({ EndpointArn: arn }))).Attributes).toEqual({
      Enabled: 'false',
      Token: TOKEN,
      CustomUserData: 'u1',
    });
    await expect(sns.client.send(new SetEndpointAttributesCommand({ EndpointArn: arn, Attributes: { Enabled: 'maybe' } }))).rejects.toThrow(
      InvalidParameterException,
    );
    await sns.client.send(new DeleteEndpointCommand({ EndpointArn: arn }));
    await sns.client.send(new DeleteEndpointCommand({ EndpointArn: arn }));
    await expect(sns.client.send(new GetEndpointAttributesCommand({ EndpointArn: arn }))).rejects.toThrow(NotFoundException);
  });

  it('delivers each platform its own entry, only to enabled endpoints, and keeps state across a restart', async () => {
    const ios = await endpointFor(apns, TOKEN);
    const android = await endpointFor(fcm, 'fcm-token-1');
    for (const Endpoint of [ios, android]) await sns.client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'application', Endpoint }));
    await publish('World', 'first');
    await sns.client.send(new SetEndpointAttributesCommand({ EndpointArn: android, Attributes: { Enabled: 'false' } }));
    await sns.restart();
    await publish('World', 'second');
    expect((await sns.deliveries()).map((d) => [d.endpoint, d.message])).toEqual(
      expect.arrayContaining([
        [ios, 'apns: first'],
        [android, 'gcm: first'],
        [ios, 'apns: second'],
      ]),
    );
    expect(await sns.deliveries()).toHaveLength(3);
  });
});

describe('the device registry on the local SNS endpoint', () => {
  it("registers a device with its reader's filter policy, updates it on re-registration, and sweeps it once SNS disabled it", async () => {
    const registry = createDeviceRegistry({ client: sns.client, topicArn, applications: { apns, fcm } });
    await registry.register({ platform: 'apns', token: TOKEN, sections: ['Tech'] });
    const [subscription] = (await sns.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions ?? [];
    const policy = async () =>
      (await sns.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: subscription?.SubscriptionArn }))).Attributes?.FilterPolicy;
    expect(JSON.parse((await policy()) ?? '')).toEqual({ section: ['Tech'] });
    await publish('World', 'not followed');
    await publish('Tech', 'followed');
    expect((await sns.deliveries()).map((d) => d.message)).toEqual(['apns: followed']);

    // The app re-registers with other choices after SNS disabled its endpoint (say, a restored phone).
    await sns.client.send(new SetEndpointAttributesCommand({ EndpointArn: subscription?.Endpoint, Attributes: { Enabled: 'false' } }));
    await registry.register({ platform: 'apns', token: TOKEN, sections: ['World'] });
    expect((await sns.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions).toHaveLength(1);
    expect(JSON.parse((await policy()) ?? '')).toEqual({ section: ['World'] });
    expect((await sns.client.send(new GetEndpointAttributesCommand({ EndpointArn: subscription?.Endpoint }))).Attributes?.Enabled).toBe('true');

    expect(await registry.sweepDisabled()).toBe(0);
    await sns.client.send(new SetEndpointAttributesCommand({ EndpointArn: subscription?.Endpoint, Attributes: { Enabled: 'false' } }));
    expect(await registry.sweepDisabled()).toBe(1);
    expect((await sns.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }))).Subscriptions).toEqual([]);
    await expect(sns.client.send(new GetEndpointAttributesCommand({ EndpointArn: subscription?.Endpoint }))).rejects.toThrow(NotFoundException);
  });
});
