import { GetObjectCommand, type GetObjectCommandOutput, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import type { DraftRead, DraftBucket } from '../ports/draft-bucket';

/** Options of {@link createDraftBucket}. */
export interface DraftBucketOptions {
  readonly client: S3Client;
  readonly bucket: string;
}

/** Creates the drafts bucket adapter. */
export function createDraftBucket({ client, bucket }: DraftBucketOptions): DraftBucket {
  async function read(key: string, maxBytes: number): Promise<DraftRead> {
    let response: GetObjectCommandOutput;
    try {
      response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (error instanceof Error && (error.name === 'NoSuchKey' || error.name === 'NotFound')) return { kind: 'missing' };
      throw error;
    }
    const body = response.Body as Readable | undefined;
    const declared = response.ContentLength ?? 0;
    if (declared > maxBytes) {
      body?.destroy();
      return { kind: 'too-large', size: declared };
    }
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of body ?? []) {
      const buffer = Buffer.from(chunk as Uint8Array);
      total += buffer.length;
      if (total > maxBytes) {
        body?.destroy();
        return { kind: 'too-large', size: total };
      }
      chunks.push(buffer);
    }
    return { kind: 'read', bytes: new Uint8Array(Buffer.concat(chunks)) };
  }

  async function writeJson(key: string, document: unknown): Promise<void> {
    await client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: `${JSON.stringify(document, null, 2)}\n`,
        ContentType: 'application/json; charset=utf-8',
      }),
    );
  }

  return { read, writeJson };
}
