import { randomUUID } from 'node:crypto';
import { matchesFilterPolicy } from '../filters/filter-policy';
import { findTopic, type ActionContext, type ActionHandler } from './action-context';
import { readMessageAttributes } from './message-attributes';
import { messageFor, parseStructuredMessage, type StructuredMessage } from './message-structure';
import { writeDelivery, type SnsDelivery, type SnsMessageAttributeValue } from './outbox';
import type { QueryParams } from './query-params';
import { findEndpoint } from './platform-actions';
import { invalidParameter, SnsApiError } from './sns-api-error';
import type { SnsTopic } from './sns-state';
import { el, members } from './xml-response';
import * as z from 'zod';

/** SNS quota: bytes of a message and its attributes (and of a whole batch). */
export const MAX_MESSAGE_BYTES = 256 * 1024;
/** SNS quota: entries in one PublishBatch. */
export const MAX_BATCH_ENTRIES = 10;

/** SNS: subjects are "less than 100 characters long", printable ASCII, on one line. */
const MAX_SUBJECT_LENGTH = 99;
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;

/** A message ready to fan out. */
interface OutgoingMessage {
  readonly message: string | StructuredMessage;
  readonly subject?: string;
  readonly attributes: Record<string, SnsMessageAttributeValue>;
  readonly bytes: number;
}

/** Reads and validates one message (of Publish or of a batch entry). @throws SnsApiError */
function readMessage(params: QueryParams): OutgoingMessage {
  const text = params.get('Message');
  if (text === undefined || text === '') throw invalidParameter('Empty message');
  const subject = params.get('Subject');
  if (subject !== undefined && (subject.length > MAX_SUBJECT_LENGTH || /[^\x20-\x7e]/.test(subject))) {
    throw invalidParameter(`Subject must be printable ASCII, fewer than ${MAX_SUBJECT_LENGTH + 1} characters, on one line`);
  }
  if (params.get('MessageGroupId') !== undefined || params.get('MessageDeduplicationId') !== undefined) {
    throw invalidParameter('MessageGroupId and MessageDeduplicationId are for FIFO topics, which the local endpoint does not support');
  }
  const structure = params.get('MessageStructure');
  if (structure !== undefined && structure !== 'json') throw invalidParameter('MessageStructure must be json');
  const attributes = readMessageAttributes(params);
  const bytes =
    Buffer.byteLength(text) +
    Object.entries(attributes).reduce((sum, [name, a]) => sum + Buffer.byteLength(name + a.DataType + (a.StringValue ?? a.BinaryValue ?? '')), 0);
  if (bytes > MAX_MESSAGE_BYTES) throw invalidParameter(`Message too long: ${bytes} bytes, at most ${MAX_MESSAGE_BYTES}`);
  return {
    message: structure === 'json' ? parseStructuredMessage(text) : text,
    ...(subject === undefined ? {} : { subject }),
    attributes,
    bytes,
  };
}

const policySchema = z.record(z.string(), z.unknown());

/** Writes one outbox file per subscription whose filter policy matches. */
async function fanOut(context: ActionContext, topic: SnsTopic, outgoing: OutgoingMessage): Promise<string> {
  const messageId = randomUUID();
  const timestamp = context.now().toISOString();
  const subscriptions = context.store.state.subscriptions.filter((s) => s.topicArn === topic.arn);
  for (const subscription of subscriptions) {
    if (subscription.filterPolicy !== undefined) {
      const policy = policySchema.parse(JSON.parse(subscription.filterPolicy));
      if (!matchesFilterPolicy(policy, outgoing.attributes)) continue;
    }
    if (
      subscription.protocol === 'application' &&
      subscription.endpoint.startsWith('arn:') &&
      !findEndpoint(context, subscription.endpoint)?.enabled
    ) {
      // AWS delivers nothing to a deleted or disabled endpoint (it records a delivery failure event).
      continue;
    }
    const delivery: SnsDelivery = {
      subscriptionArn: subscription.arn,
      topicArn: topic.arn,
      protocol: subscription.protocol,
      endpoint: subscription.endpoint,
      ...(outgoing.subject === undefined ? {} : { subject: outgoing.subject }),
      message: messageFor(outgoing.message, subscription.protocol, subscription.endpoint),
      messageAttributes: outgoing.attributes,
      messageId,
      timestamp,
    };
    const file = await writeDelivery(context.outboxDir, delivery, subscription.id);
    context.onDelivery?.(delivery, file);
  }
  return messageId;
}

/** Publish to a topic (TargetArn and PhoneNumber are not supported locally). */
export const publish: ActionHandler = async (params, context) => {
  const topicArn = params.get('TopicArn');
  if (topicArn === undefined) throw invalidParameter('TopicArn is required (TargetArn and PhoneNumber are not supported locally)');
  const topic = findTopic(context, topicArn);
  const messageId = await fanOut(context, topic, readMessage(params));
  return [el('MessageId', messageId)];
};

interface BatchOutcome {
  readonly id: string;
  readonly messageId?: string;
  readonly error?: SnsApiError;
}

/** PublishBatch: up to 10 entries; an invalid entry fails alone, in the Failed list. */
export const publishBatch: ActionHandler = async (params, context) => {
  const topic = findTopic(context, params.require('TopicArn'));
  const entries = params.items('PublishBatchRequestEntries', 'member');
  checkBatch(entries);
  const read = entries.map((entry) => {
    const id = entry.require('Id');
    try {
      return { id, outgoing: readMessage(entry) };
    } catch (error) {
      if (error instanceof SnsApiError) return { id, error };
      throw error;
    }
  });
  const total = read.reduce((sum, r) => sum + (r.outgoing?.bytes ?? 0), 0);
  if (total > MAX_MESSAGE_BYTES) {
    throw new SnsApiError('BatchRequestTooLong', `The length of all the messages put together is more than the limit (${MAX_MESSAGE_BYTES} bytes).`);
  }
  const outcomes: BatchOutcome[] = [];
  for (const r of read) {
    outcomes.push(r.outgoing ? { id: r.id, messageId: await fanOut(context, topic, r.outgoing) } : { id: r.id, error: r.error });
  }
  const successful = outcomes.filter((o) => o.messageId !== undefined);
  const failed = outcomes.filter((o) => o.error !== undefined);
  return [
    el(
      'Successful',
      members(successful, (o) => [el('Id', o.id), el('MessageId', o.messageId)]),
    ),
    el(
      'Failed',
      members(failed, (o) => [
        el('Id', o.id),
        el('Code', o.error?.code),
        el('SenderFault', String(o.error?.type === 'Sender')),
        el('Message', o.error?.message),
      ]),
    ),
  ];
};

function checkBatch(entries: readonly QueryParams[]): void {
  if (entries.length === 0) throw new SnsApiError('EmptyBatchRequest', 'The batch request does not contain any entries.');
  if (entries.length > MAX_BATCH_ENTRIES) {
    throw new SnsApiError('TooManyEntriesInBatchRequest', `The batch request contains more than ${MAX_BATCH_ENTRIES} entries.`);
  }
  const ids = entries.map((entry) => entry.require('Id'));
  const bad = ids.find((id) => !BATCH_ENTRY_ID.test(id));
  if (bad !== undefined) {
    throw new SnsApiError('InvalidBatchEntryId', `The Id of a batch entry in a batch request doesn't abide by the specification: ${bad}`);
  }
  if (new Set(ids).size !== ids.length) {
    throw new SnsApiError('BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.');
  }
}
