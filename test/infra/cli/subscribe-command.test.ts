import { SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { listSubscribers } from '../../../infra/cli/subscribe-command';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/local-credentials';
import { alertFilterPolicy } from '../../../shared/domain/subscriptions/alert-filter-policy';
import { endpoints } from '../../support/local-stack-client';

const topic = () => ({
  sns: new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  alertsTopicArn: endpoints().alertsTopicArn,
});

describe('newsroom subscribers, on the local SNS endpoint', () => {
  it('lists an app endpoint subscribed with the filter policy its choices call for', async () => {
    const device = `fcm:device-${Date.now()}`;
    const policy = alertFilterPolicy({ sections: ['Business', 'Tech'], tags: ['AI'], breakingOnly: true });
    await topic().sns.send(
      new SubscribeCommand({
        TopicArn: endpoints().alertsTopicArn,
        Protocol: 'application',
        Endpoint: device,
        Attributes: { FilterPolicy: JSON.stringify(policy) },
      }),
    );
    const row = (await listSubscribers(topic())).find((subscriber) => subscriber.endpoint === device);
    expect(row?.protocol).toBe('application');
    expect(JSON.parse(row?.filterPolicy ?? '{}')).toEqual({ section: ['Business', 'Tech'], tags: ['AI'], breaking: ['true'] });
  });
});
