import { DeleteObjectCommand, GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { DeleteMessageCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { failedStreamRecords } from '../../events/stream-failure-record';

/** Messages a queue gave up on, replayed one body at a time. */
export interface DeadLetters {
  /** Hands each message body to `replay` and removes the message once replayed; resolves to how many. */
  drain(replay: (body: string) => Promise<void>): Promise<number>;
}

/** Stream batches a consumer gave up on, each an on-failure record (`events/stream-failure-record.ts`). */
export interface StreamFailureRecords {
  /** Hands each record's stream records to `replay` and removes the record once replayed; resolves to how many records. */
  drain(replay: (records: unknown[]) => Promise<void>): Promise<number>;
}

const deadLetterFileSchema = z.object({ record: z.object({ body: z.string() }) });

async function jsonFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(dir, name));
}

/** Replays each JSON file of `dir` in name order, as `parse` reads it, and removes it once replayed. */
function drainFolder<T>(dir: string, parse: (document: unknown) => T) {
  return async (replay: (item: T) => Promise<void>): Promise<number> => {
    let count = 0;
    for (const file of await jsonFiles(dir)) {
      await replay(parse(JSON.parse(await readFile(file, 'utf8'))));
      await unlink(file);
      count++;
    }
    return count;
  };
}

/** The local stack's dead letters: `{ record, error }` files in `dir`. */
export function deadLetterFolder(dir: string): DeadLetters {
  return { drain: drainFolder(dir, (document) => deadLetterFileSchema.parse(document).record.body) };
}

/**
 * An SQS dead-letter queue: received ten at a time (hidden for a minute
 * meanwhile), each deleted only after its replay, until a receive finds none.
 */
export function deadLetterQueue(sqs: SQSClient, queueUrl: string): DeadLetters {
  return {
    async drain(replay) {
      let count = 0;
      for (;;) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 60, WaitTimeSeconds: 1 }),
        );
        if (Messages.length === 0) return count;
        for (const message of Messages) {
          await replay(message.Body ?? '');
          await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
          count++;
        }
      }
    },
  };
}

/** On-failure records the local stream poller wrote as files in `dir`. */
export function failureRecordFolder(dir: string): StreamFailureRecords {
  return { drain: drainFolder(dir, failedStreamRecords) };
}

/** On-failure records Lambda wrote to a stage's stream failure bucket (its S3 on-failure destination). */
export function failureRecordBucket(s3: S3Client, bucket: string): StreamFailureRecords {
  return {
    async drain(replay) {
      let count = 0;
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
        for (const { Key } of page.Contents ?? []) {
          if (!Key) continue;
          const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
          await replay(failedStreamRecords(JSON.parse((await object.Body?.transformToString('utf8')) ?? 'null')));
          await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
          count++;
        }
      }
      return count;
    },
  };
}
