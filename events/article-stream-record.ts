import * as z from './zod';

/**
 * The part of an article head's stream image that the stream consumers read,
 * in DynamoDB JSON. Consumers re-read the head for everything else.
 */
export const articleHeadImageSchema = z.object({
  id: z.object({ S: z.string().check(z.minLength(1)) }),
  version: z.object({ N: z.string().check(z.regex(/^\d+$/)) }),
  stage: z.object({ S: z.string() }),
});

/** One DynamoDB stream record of an article head item. */
export const articleStreamRecordSchema = z.object({
  eventID: z.optional(z.string()),
  eventName: z.enum(['INSERT', 'MODIFY', 'REMOVE']),
  dynamodb: z.object({
    NewImage: articleHeadImageSchema,
    SequenceNumber: z.optional(z.string()),
  }),
});

/** What a stream consumer needs to act: which article, at which version. */
export interface ArticleVersionRef {
  readonly id: string;
  readonly version: number;
}

/** Parses one stream record into the article version it announces. */
export function parseArticleStreamRecord(record: unknown): ArticleVersionRef {
  const parsed = articleStreamRecordSchema.parse(record);
  return { id: parsed.dynamodb.NewImage.id.S, version: Number(parsed.dynamodb.NewImage.version.N) };
}
