import { readFileSync } from 'node:fs';
import * as z from '../zod';

const load = (name: string): unknown => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'));

const sqsEventSchema = z.object({
  Records: z.array(
    z.object({
      messageId: z.string(),
      receiptHandle: z.string(),
      body: z.string(),
      attributes: z.object({
        ApproximateReceiveCount: z.string(),
        SentTimestamp: z.string(),
        SenderId: z.string(),
        ApproximateFirstReceiveTimestamp: z.string(),
      }),
      messageAttributes: z.record(z.string(), z.never()),
      md5OfBody: z.string(),
      eventSource: z.string(),
      eventSourceARN: z.string(),
      awsRegion: z.string(),
    }),
  ),
});

const attributeValueSchema = z.union([
  z.strictObject({ S: z.string() }),
  z.strictObject({ N: z.string() }),
  z.strictObject({ BOOL: z.boolean() }),
  z.strictObject({ NULL: z.literal(true) }),
]);

const dynamodbStreamEventSchema = z.object({
  Records: z.array(
    z.object({
      eventID: z.string(),
      eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
      eventVersion: z.string(),
      eventSource: z.string(),
      awsRegion: z.string(),
      eventSourceARN: z.string(),
      dynamodb: z.object({
        ApproximateCreationDateTime: z.number(),
        Keys: z.record(z.string(), attributeValueSchema),
        NewImage: z.record(z.string(), attributeValueSchema),
        SequenceNumber: z.string(),
        SizeBytes: z.number(),
        StreamViewType: z.enum(['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY']),
      }),
    }),
  ),
});

/** Realistic payloads as Lambda receives them, for tests and local invokes. */
export const SAMPLE_EVENTS = {
  /** An SQS batch of one S3 ObjectCreated notification for `drafts/us-china-ai-dialogue.md`. */
  sqsS3ObjectCreated: () => sqsEventSchema.parse(load('sqs-s3-object-created.json')),
  /** A DynamoDB stream batch of one article head entering the render stage. */
  dynamodbStreamArticleRender: () => dynamodbStreamEventSchema.parse(load('dynamodb-stream-article-render.json')),
} as const;
