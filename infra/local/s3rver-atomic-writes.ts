import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

interface StoredObject {
  bucket: string;
  key: string;
  content: Buffer | Readable;
  metadata: Record<string, string>;
}

interface FilesystemStorePrototype {
  getResourcePath(bucket: string, key: string, resource: string): string;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
}

let patched = false;

/**
 * Makes s3rver's object writes atomic, as S3's are. s3rver writes an object in
 * place and, for buffered bodies, acknowledges the PUT before the bytes reach
 * the disk, so a reader (the local CDN) could see an empty or half page. Here
 * the body goes to a temporary file that is renamed over the object once
 * complete, after the metadata file is written. The local CDN server also
 * checks that a body matches its declared length and retries otherwise.
 */
export function makeS3rverWritesAtomic(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const FilesystemStore: unknown = require('s3rver/lib/stores/filesystem');
  if (typeof FilesystemStore !== 'function') throw new Error('s3rver FilesystemStore not found');
  const proto: FilesystemStorePrototype = FilesystemStore.prototype;
  proto.putObject = async function putObject(this: FilesystemStorePrototype, object: StoredObject) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    await mkdir(dirname(objectPath), { recursive: true });
    const temporary = `${objectPath}.${randomUUID()}.tmp`;
    const md5 = createHash('md5');
    let size = 0;
    const source = Buffer.isBuffer(object.content) ? Readable.from([object.content]) : object.content;
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          md5.update(chunk);
          size += chunk.length;
          yield chunk;
        }
      },
      createWriteStream(temporary),
    );
    const digest = md5.digest('hex');
    // Metadata first: a reader of a new object then finds no content yet (404) rather than content without its type.
    await this.putMetadata(object.bucket, object.key, object.metadata, digest);
    await rename(temporary, objectPath);
    return { size, md5: digest };
  };
}
