import { InvalidParameterException, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/local-credentials';
import { createTopicPublisher, MAX_SNS_SUBJECT_LENGTH, snsSubject } from '../../../shared/adapters/topic-publisher';
import { endpoints } from '../../support/local-stack-client';

describe('topic publisher', () => {
  it('keeps a subject under the 100 characters SNS allows', () => {
    expect(snsSubject('x'.repeat(100))).toHaveLength(MAX_SNS_SUBJECT_LENGTH);
    expect(MAX_SNS_SUBJECT_LENGTH).toBeLessThan(100);
  });

  it('is checked by a local SNS as strict as SNS: a 100-character subject is refused', async () => {
    const client = new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    await expect(
      client.send(new PublishCommand({ TopicArn: endpoints().editorsTopicArn, Subject: 'x'.repeat(100), Message: 'body' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('publishes an alert whose headline is 100 characters or more to the strict local SNS', async () => {
    const client = new SNSClient({ endpoint: endpoints().sns, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
    const publisher = createTopicPublisher({ client, topicArn: endpoints().editorsTopicArn });
    const id = await publisher.publish({ subject: `Breaking: ${'A very long headline '.repeat(6)}`, message: 'body' });
    expect(id).not.toBe('');
  });
});
