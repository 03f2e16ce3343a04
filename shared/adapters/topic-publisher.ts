import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import type { TopicPublisher } from '../ports/topic-publisher';

/** Options of {@link createTopicPublisher}. */
export interface TopicPublisherOptions {
  readonly client: SNSClient;
  readonly topicArn: string;
}

function toAttribute(value: string | boolean | readonly string[]): MessageAttributeValue {
  if (Array.isArray(value)) return { DataType: 'String.Array', StringValue: JSON.stringify(value) };
  return { DataType: 'String', StringValue: String(value) };
}

/** Longest subject SNS accepts: it must be "less than 100 characters long". */
export const MAX_SNS_SUBJECT_LENGTH = 99;

/** A subject SNS accepts: printable ASCII only, one line, fewer than 100 characters; `Newsroom` if nothing is left. */
export function snsSubject(subject: string): string {
  return subject.replace(/[^\x20-\x7e]/g, '').slice(0, MAX_SNS_SUBJECT_LENGTH) || 'Newsroom';
}

/** Creates a publisher for one topic. */
export function createTopicPublisher({ client, topicArn }: TopicPublisherOptions): TopicPublisher {
  return {
    async publish({ subject, message, attributes = {} }) {
      const structured = typeof message !== 'string';
      const { MessageId } = await client.send(
        new PublishCommand({
          TopicArn: topicArn,
          Subject: snsSubject(subject),
          Message: structured ? JSON.stringify(message) : message,
          MessageStructure: structured ? 'json' : undefined,
          MessageAttributes: Object.fromEntries(
            Object.entries(attributes)
              .filter(([, value]) => !Array.isArray(value) || value.length > 0)
              .map(([name, value]) => [name, toAttribute(value)]),
          ),
        }),
      );
      return MessageId ?? '';
    },
  };
}
