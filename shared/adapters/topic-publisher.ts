import { PublishCommand, type MessageAttributeValue, type SNSClient } from '@aws-sdk/client-sns';
import { PublishRejectedError, type TopicPublisher } from '../ports/topic-publisher';

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

/** Errors raised before a request reached SNS. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * Whether `error` proves SNS did not take the message: a client fault (4xx)
 * on the only attempt, or no connection at all. After a retry an earlier
 * attempt may have gone through, so that is never proof.
 */
export function isDefiniteRejection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { $fault, $metadata, code } = error as Error & { $fault?: string; $metadata?: { attempts?: number }; code?: string };
  if (($metadata?.attempts ?? 1) > 1) return false;
  return $fault === 'client' || (code !== undefined && NOT_CONNECTED.has(code));
}

/**
 * Creates a publisher for one topic. A failure that proves the message was
 * not taken is raised as {@link PublishRejectedError}; any other is rethrown
 * as it came (the message may be out).
 */
export function createTopicPublisher({ client, topicArn }: TopicPublisherOptions): TopicPublisher {
  return {
    async publish(input) {
      try {
        return await send(input);
      } catch (error) {
        if (isDefiniteRejection(error)) throw new PublishRejectedError((error as Error).message, { cause: error });
        throw error;
      }
    },
  };

  async function send({ subject, message, attributes = {} }: Parameters<TopicPublisher['publish']>[0]): Promise<string> {
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
  }
}
