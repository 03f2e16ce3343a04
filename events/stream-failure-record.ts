import * as z from './zod';

/**
 * What Lambda writes to an S3 on-failure destination when a stream event
 * source mapping gives up on a batch: the invocation's metadata and, unlike an
 * SQS or SNS destination, the whole invocation payload (the stream event with
 * its records and their new images), so the batch can be replayed after the
 * stream itself has dropped it (24 hours). The local stream poller writes the
 * same shape. `payload` is accepted as the JSON text of the event or as the
 * event itself.
 */
export const streamFailureRecordSchema = z.object({
  version: z.optional(z.string()),
  timestamp: z.optional(z.string()),
  requestContext: z.optional(
    z.looseObject({ requestId: z.optional(z.string()), functionArn: z.optional(z.string()), condition: z.optional(z.string()) }),
  ),
  responseContext: z.optional(z.looseObject({ functionError: z.optional(z.string()) })),
  DDBStreamBatchInfo: z.optional(
    z.looseObject({ shardId: z.optional(z.string()), streamArn: z.optional(z.string()), batchSize: z.optional(z.number()) }),
  ),
  payload: z.union([z.string(), z.looseObject({ Records: z.array(z.unknown()) })]),
});

/** One on-failure record of a stream batch. */
export type StreamFailureRecord = z.infer<typeof streamFailureRecordSchema>;

const eventSchema = z.looseObject({ Records: z.array(z.unknown()) });

/**
 * The stream records an on-failure record holds (each a Lambda DynamoDB
 * stream record, `dynamodb.NewImage` included).
 *
 * @throws when the document is not an on-failure record with a stream event as payload
 */
export function failedStreamRecords(document: unknown): unknown[] {
  const { payload } = streamFailureRecordSchema.parse(document);
  return eventSchema.parse(typeof payload === 'string' ? JSON.parse(payload) : payload).Records;
}

/** What the local stream poller knows of a batch it gave up on. */
export interface GivenUpBatch {
  /** The consumer (function) name. */
  readonly functionName: string;
  readonly streamArn: string;
  readonly records: readonly { readonly dynamodb?: { readonly SequenceNumber?: string } }[];
  /** The last error, as the function reported it. */
  readonly error: string;
  readonly at: Date;
}

/** The on-failure record Lambda would write for `batch` (used by the local stack, the way AWS writes it). */
export function streamFailureRecord(batch: GivenUpBatch): StreamFailureRecord {
  const sequenceNumbers = batch.records.map((record) => record.dynamodb?.SequenceNumber).filter((n): n is string => Boolean(n));
  return {
    version: '1.0',
    timestamp: batch.at.toISOString(),
    requestContext: { functionArn: `arn:aws:lambda:local:000000000000:function:${batch.functionName}`, condition: 'RetryAttemptsExhausted' },
    responseContext: { functionError: batch.error.split('\n')[0] ?? batch.error },
    DDBStreamBatchInfo: {
      streamArn: batch.streamArn,
      batchSize: batch.records.length,
      ...(sequenceNumbers.length > 0 ? { startSequenceNumber: sequenceNumbers[0], endSequenceNumber: sequenceNumbers.at(-1) } : {}),
    },
    payload: JSON.stringify({ Records: batch.records }),
  };
}
