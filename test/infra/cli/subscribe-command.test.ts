import { SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { listSubscribers, subscribeEmail } from '../../../infra/cli/subscribe-command';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/local-credentials';
import { FilterPolicyLimitError } from '../../../shared/domain/subscriptions/alert-filter-policy';
import { endpoints } from '../../support/local-stack-client';

const topic = () => ({
  sns: new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
  alertsTopicArn: endpoints().alertsTopicArn,
});

describe('newsroom subscribe and subscribers, on the local SNS endpoint', () => {
  it('subscribes an address with the filter policy its choices call for, and lists it', async () => {
    const email = `desk-${Date.now()}@example.com`;
    await subscribeEmail(topic(), email, { sections: ['Business', 'Tech'], tags: ['AI'], breakingOnly: true });
    const row = (await listSubscribers(topic())).find((subscriber) => subscriber.endpoint === email);
    expect(row?.protocol).toBe('email');
    expect(JSON.parse(row?.filterPolicy ?? '{}')).toEqual({ section: ['Business', 'Tech'], tags: ['AI'], breaking: ['true'] });
  });

  it('refuses choices that exceed SNS filter policy limits before calling SNS', async () => {
    const many = Array.from({ length: 16 }, (_, i) => `t${i}`);
    await expect(subscribeEmail(topic(), 'x@example.com', { sections: many, tags: many })).rejects.toThrow(FilterPolicyLimitError);
  });
});
