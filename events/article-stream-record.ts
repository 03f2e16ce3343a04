import * as z from './zod';

/**
 * The part of an article head's stream image that the stream consumers route on,
 * in DynamoDB JSON; its other attributes are kept as they came.
 */
export const articleHeadImageSchema = z.looseObject({
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

/** A stream record as the stream consumer routes it: the article version, the stage its head entered, and the record's id in a partial batch response. */
export interface ArticleStreamEntry {
  readonly ref: ArticleVersionRef;
  readonly stage: string;
  /** The record's sequence number: its `itemIdentifier` in a partial batch response. */
  readonly sequenceNumber: string;
  /** The head's new image, in DynamoDB JSON: the head as this write left it. */
  readonly image: Readonly<Record<string, unknown>>;
}

/** Parses one stream record into what the stream consumer routes on. */
export function parseArticleStreamEntry(record: unknown): ArticleStreamEntry {
  const { dynamodb } = articleStreamRecordSchema.parse(record);
  const image = dynamodb.NewImage;
  return { ref: { id: image.id.S, version: Number(image.version.N) }, stage: image.stage.S, sequenceNumber: dynamodb.SequenceNumber ?? '', image };
}
