import * as z from './zod';

/** One record of an S3 event notification (the fields the pipeline reads). */
export const s3EventRecordSchema = z.object({
  eventSource: z.literal('aws:s3'),
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({
      /** URL-encoded as S3 sends it (spaces as `+`). */
      key: z.string(),
      size: z.optional(z.number()),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.optional(z.string()),
    }),
  }),
});
export type S3EventRecord = z.infer<typeof s3EventRecordSchema>;

/** The body of an SQS message that S3 delivered: records, or the one-off test event sent on setup. */
export const s3NotificationMessageSchema = z.union([
  z.object({ Records: z.array(s3EventRecordSchema) }),
  z.object({ Event: z.literal('s3:TestEvent') }),
]);
export type S3NotificationMessage = z.infer<typeof s3NotificationMessageSchema>;

/** Decodes an S3 event object key (`+` is a space, the rest percent-encoding). */
export function decodeS3Key(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

/** Encodes an object key the way S3 does in event notifications. */
export function encodeS3Key(key: string): string {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/%2F/g, '/');
}
