import {
  CreateTopicCommand,
  GetSubscriptionAttributesCommand,
  InvalidParameterException,
  ListSubscriptionsByTopicCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishBatchCommand,
  PublishCommand,
  SetSubscriptionAttributesCommand,
  SNSClient,
  SubscribeCommand,
  UnsubscribeCommand,
  type MessageAttributeValue,
} from '@aws-sdk/client-sns';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_ATTRIBUTES } from '../../../../events/names';
import { startSnsServer } from '../../../../infra/local/sns/sns-server';
import { startTestEndpoint, type TestEndpoint } from './sns-test-endpoint';

const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:alerts';

function alertAttributes(section: string, tags: readonly string[]): Record<string, MessageAttributeValue> {
  return {
    [ALERT_ATTRIBUTES.section]: { DataType: 'String', StringValue: section },
    [ALERT_ATTRIBUTES.tags]: { DataType: 'String.Array', StringValue: JSON.stringify(tags) },
  };
}

function alertMessage(headline: string): string {
  return JSON.stringify({
    default: headline,
    email: `Email: ${headline}`,
    APNS: JSON.stringify({ aps: { alert: headline } }),
    GCM: JSON.stringify({ notification: { title: headline } }),
  });
}

/** The id part of a subscription ARN (`<topicArn>:<id>`). */
function subscriptionId(arn: string | undefined): string {
  return arn?.slice(TOPIC_ARN.length + 1) ?? '';
}

let endpoint: TestEndpoint;

beforeEach(async () => {
  endpoint = await startTestEndpoint();
});

afterEach(async () => {
  await endpoint.dispose();
});

async function createAlertsTopic(): Promise<string> {
  const { TopicArn } = await endpoint.client.send(new CreateTopicCommand({ Name: 'alerts' }));
  return TopicArn ?? '';
}

async function subscribeTech(topicArn: string): Promise<string> {
  const { SubscriptionArn } = await endpoint.client.send(
    new SubscribeCommand({
      TopicArn: topicArn,
      Protocol: 'email',
      Endpoint: 'reader@example.com',
      Attributes: { FilterPolicy: JSON.stringify({ section: ['Tech'] }), FilterPolicyScope: 'MessageAttributes' },
    }),
  );
  return SubscriptionArn ?? '';
}

describe('local SNS endpoint, topics and subscriptions', () => {
  it('creates a topic idempotently by name with the local ARN', async () => {
    const first = await createAlertsTopic();
    const second = await createAlertsTopic();
    const { Topics } = await endpoint.client.send(new ListTopicsCommand({}));
    expect(first).toBe(TOPIC_ARN);
    expect(second).toBe(TOPIC_ARN);
    expect(Topics).toEqual([{ TopicArn: TOPIC_ARN }]);
  });

  it('confirms a subscription at once and reports its filter policy', async () => {
    const arn = await subscribeTech(await createAlertsTopic());
    const { Attributes } = await endpoint.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: arn }));
    expect(arn).toMatch(new RegExp(`^${TOPIC_ARN}:[0-9a-f-]{36}$`));
    expect(Attributes).toMatchObject({
      PendingConfirmation: 'false',
      FilterPolicy: '{"section":["Tech"]}',
      FilterPolicyScope: 'MessageAttributes',
      Protocol: 'email',
      Endpoint: 'reader@example.com',
    });
  });

  it('returns the existing subscription when subscribing again, with the new filter policy', async () => {
    const topicArn = await createAlertsTopic();
    const first = await subscribeTech(topicArn);
    const { SubscriptionArn: second } = await endpoint.client.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'email',
        Endpoint: 'reader@example.com',
        Attributes: { FilterPolicy: '{"section":["World"]}' },
      }),
    );
    const { Subscriptions } = await endpoint.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    const { Attributes } = await endpoint.client.send(new GetSubscriptionAttributesCommand({ SubscriptionArn: first }));
    expect(second).toBe(first);
    expect(Subscriptions).toHaveLength(1);
    expect(Attributes?.FilterPolicy).toBe('{"section":["World"]}');
  });

  it('rejects a filter policy with six keys and creates no subscription', async () => {
    const topicArn = await createAlertsTopic();
    const policy = { a: ['1'], b: ['1'], c: ['1'], d: ['1'], e: ['1'], f: ['1'] };
    const subscribing = endpoint.client.send(
      new SubscribeCommand({ TopicArn: topicArn, Protocol: 'sms', Endpoint: '+15550100', Attributes: { FilterPolicy: JSON.stringify(policy) } }),
    );
    await expect(subscribing).rejects.toThrow(InvalidParameterException);
    await expect(subscribing).rejects.toThrow(/more than 5 keys/);
    const { Subscriptions } = await endpoint.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    expect(Subscriptions ?? []).toEqual([]);
  });

  it('rejects the MessageBody filter policy scope', async () => {
    const topicArn = await createAlertsTopic();
    const subscribing = endpoint.client.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'email',
        Endpoint: 'reader@example.com',
        Attributes: { FilterPolicy: '{"section":["Tech"]}', FilterPolicyScope: 'MessageBody' },
      }),
    );
    await expect(subscribing).rejects.toThrow(/only MessageAttributes is supported/);
  });

  it('rejects a FIFO topic', async () => {
    await expect(endpoint.client.send(new CreateTopicCommand({ Name: 'alerts.fifo' }))).rejects.toThrow(InvalidParameterException);
  });

  it('answers NotFound for a topic that does not exist', async () => {
    const publishing = endpoint.client.send(new PublishCommand({ TopicArn: `${TOPIC_ARN}-missing`, Message: 'hello' }));
    await expect(publishing).rejects.toThrow(NotFoundException);
  });
});

describe('local SNS endpoint, delivery', () => {
  it('delivers a Tech alert only to the Tech subscriber and a Business alert only to the Markets device', async () => {
    const topicArn = await createAlertsTopic();
    const emailArn = await subscribeTech(topicArn);
    const { SubscriptionArn: deviceArn } = await endpoint.client.send(
      new SubscribeCommand({
        TopicArn: topicArn,
        Protocol: 'application',
        Endpoint: 'fcm:device-2',
        Attributes: { FilterPolicy: JSON.stringify({ tags: ['Markets'] }) },
      }),
    );
    const business = await endpoint.client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: 'Rates hold',
        Message: alertMessage('Rates hold'),
        MessageStructure: 'json',
        MessageAttributes: alertAttributes('Business', ['Markets', 'Banks']),
      }),
    );
    const tech = await endpoint.client.send(
      new PublishCommand({
        TopicArn: topicArn,
        Subject: 'New chip',
        Message: alertMessage('New chip'),
        MessageStructure: 'json',
        MessageAttributes: alertAttributes('Tech', ['AI', 'Chips']),
      }),
    );

    const files = await endpoint.outboxFiles();
    expect(files).toEqual(
      [
        `2025-11-27T09-30-00.123Z-${business.MessageId}-${subscriptionId(deviceArn)}.json`,
        `2025-11-27T09-30-00.123Z-${tech.MessageId}-${subscriptionId(emailArn)}.json`,
      ].sort(),
    );
    const deliveries = await endpoint.deliveries();
    expect(deliveries.find((d) => d.messageId === tech.MessageId)).toEqual({
      subscriptionArn: emailArn,
      topicArn,
      protocol: 'email',
      endpoint: 'reader@example.com',
      subject: 'New chip',
      message: 'Email: New chip',
      messageAttributes: {
        section: { DataType: 'String', StringValue: 'Tech' },
        tags: { DataType: 'String.Array', StringValue: '["AI","Chips"]' },
      },
      messageId: tech.MessageId,
      timestamp: '2025-11-27T09:30:00.123Z',
    });
    expect(deliveries.find((d) => d.messageId === business.MessageId)?.message).toBe(JSON.stringify({ notification: { title: 'Rates hold' } }));
  });

  it('delivers the APNS entry to an apns device and the default entry to an unknown platform', async () => {
    const topicArn = await createAlertsTopic();
    for (const device of ['apns:device-1', 'device-3']) {
      await endpoint.client.send(new SubscribeCommand({ TopicArn: topicArn, Protocol: 'application', Endpoint: device }));
    }
    await endpoint.client.send(new PublishCommand({ TopicArn: topicArn, Message: alertMessage('Ceasefire'), MessageStructure: 'json' }));
    const messages = Object.fromEntries((await endpoint.deliveries()).map((d) => [d.endpoint, d.message]));
    expect(messages).toEqual({
      'apns:device-1': JSON.stringify({ aps: { alert: 'Ceasefire' } }),
      'device-3': 'Ceasefire',
    });
  });

  it('rejects a json-structured message without a default entry', async () => {
    const topicArn = await createAlertsTopic();
    const publishing = endpoint.client.send(new PublishCommand({ TopicArn: topicArn, Message: '{"email":"hi"}', MessageStructure: 'json' }));
    await expect(publishing).rejects.toThrow(/No default entry/);
  });

  it('stops delivering after Unsubscribe', async () => {
    const topicArn = await createAlertsTopic();
    const arn = await subscribeTech(topicArn);
    await endpoint.client.send(new UnsubscribeCommand({ SubscriptionArn: arn }));
    await endpoint.client.send(new PublishCommand({ TopicArn: topicArn, Message: 'hello', MessageAttributes: alertAttributes('Tech', []) }));
    expect(await endpoint.outboxFiles()).toEqual([]);
  });

  it('applies a filter policy replaced by SetSubscriptionAttributes', async () => {
    const topicArn = await createAlertsTopic();
    const arn = await subscribeTech(topicArn);
    await endpoint.client.send(
      new SetSubscriptionAttributesCommand({ SubscriptionArn: arn, AttributeName: 'FilterPolicy', AttributeValue: '{"section":["World"]}' }),
    );
    const tech = await endpoint.client.send(
      new PublishCommand({ TopicArn: topicArn, Message: 'chips', MessageAttributes: alertAttributes('Tech', []) }),
    );
    const world = await endpoint.client.send(
      new PublishCommand({ TopicArn: topicArn, Message: 'summit', MessageAttributes: alertAttributes('World', []) }),
    );
    const delivered = (await endpoint.deliveries()).map((d) => d.messageId);
    expect(delivered).toEqual([world.MessageId]);
    expect(delivered).not.toContain(tech.MessageId);
  });

  it('publishes a batch, delivering the valid entries and reporting the invalid one as failed', async () => {
    const topicArn = await createAlertsTopic();
    await subscribeTech(topicArn);
    const result = await endpoint.client.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          { Id: 'tech', Message: 'chips', MessageAttributes: alertAttributes('Tech', ['AI']) },
          { Id: 'world', Message: 'summit', MessageAttributes: alertAttributes('World', []) },
          {
            Id: 'bad',
            Message: 'count',
            MessageAttributes: { wordCount: { DataType: 'Number', StringValue: 'many' } },
          },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['tech', 'world']);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'ParameterValueInvalid', SenderFault: true })]);
    const techId = result.Successful?.find((s) => s.Id === 'tech')?.MessageId;
    expect((await endpoint.deliveries()).map((d) => [d.messageId, d.message])).toEqual([[techId, 'chips']]);
  });

  it('rejects a batch of more than ten entries', async () => {
    const topicArn = await createAlertsTopic();
    const entries = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, Message: 'hello' }));
    const publishing = endpoint.client.send(new PublishBatchCommand({ TopicArn: topicArn, PublishBatchRequestEntries: entries }));
    await expect(publishing).rejects.toThrow(/more than 10 entries/);
  });
});

/** Runs `use` against an endpoint of its own (state and outbox under `name` in the test's folder), then stops it. */
async function withOwnEndpoint(
  name: string,
  options: Pick<Parameters<typeof startSnsServer>[0], 'now' | 'onDelivery'>,
  use: (client: SNSClient) => Promise<void>,
): Promise<void> {
  const server = await startSnsServer({ stateDir: join(endpoint.dir, `${name}-state`), outboxDir: join(endpoint.dir, `${name}-outbox`), ...options });
  const client = new SNSClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    await use(client);
  } finally {
    client.destroy();
    await server.close();
  }
}

describe('local SNS endpoint, delivery hook', () => {
  it('reports each delivery with the file it was written to', async () => {
    const seen: { endpoint: string; file: string }[] = [];
    await withOwnEndpoint('hooked', { onDelivery: (delivery, file) => seen.push({ endpoint: delivery.endpoint, file }) }, async (client) => {
      const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'editors' }));
      await client.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'desk@example.com' }));
      await client.send(new PublishCommand({ TopicArn, Message: 'Draft rejected' }));
      expect(seen).toHaveLength(1);
      expect(seen[0]?.endpoint).toBe('desk@example.com');
      expect(JSON.parse(await readFile(seen[0]?.file ?? '', 'utf8'))).toMatchObject({ message: 'Draft rejected' });
    });
  });
});

describe('local SNS endpoint, concurrency', () => {
  it('takes publishes side by side, as AWS does: a publish starts before the one ahead of it is delivered', async () => {
    let started = 0;
    let delivered = 0;
    let mostInFlight = 0;
    const options = {
      // The clock stamps each message as its fan-out starts.
      now: () => {
        started++;
        mostInFlight = Math.max(mostInFlight, started - delivered);
        return new Date();
      },
      onDelivery: () => delivered++,
    };
    await withOwnEndpoint('concurrent', options, async (client) => {
      const { TopicArn } = await client.send(new CreateTopicCommand({ Name: 'alerts' }));
      await client.send(new SubscribeCommand({ TopicArn, Protocol: 'email', Endpoint: 'reader@example.com' }));
      await Promise.all(Array.from({ length: 8 }, (_, i) => client.send(new PublishCommand({ TopicArn, Message: `Story ${i}` }))));
      expect(delivered).toBe(8);
      expect(mostInFlight).toBeGreaterThan(1);
    });
  });
});

describe('local SNS endpoint, persistence', () => {
  it('keeps topics, subscriptions and filter policies across a restart', async () => {
    const topicArn = await createAlertsTopic();
    const arn = await subscribeTech(topicArn);
    await endpoint.restart();
    const { Topics } = await endpoint.client.send(new ListTopicsCommand({}));
    const { Subscriptions } = await endpoint.client.send(new ListSubscriptionsByTopicCommand({ TopicArn: topicArn }));
    await endpoint.client.send(new PublishCommand({ TopicArn: topicArn, Message: 'm', MessageAttributes: alertAttributes('Business', []) }));
    const tech = await endpoint.client.send(new PublishCommand({ TopicArn: topicArn, Message: 'm', MessageAttributes: alertAttributes('Tech', []) }));
    expect(Topics).toEqual([{ TopicArn: topicArn }]);
    expect(Subscriptions?.map((s) => s.SubscriptionArn)).toEqual([arn]);
    expect((await endpoint.deliveries()).map((d) => d.messageId)).toEqual([tech.MessageId]);
  });
});
