import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
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
  getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
  putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5: string): Promise<void>;
  putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
  getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<unknown>;
}

type S3ObjectConstructor = new (
  bucket: string,
  key: string,
  content: Readable | null,
  metadata: Record<string, string | number>,
) => { range?: { start: number; end: number } };

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/** Runs `work` for `path` after every earlier holder of `path` is done: the object's body and metadata files as one. */
function keyedLock(): <T>(path: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async (path, work) => {
    const before = tails.get(path) ?? Promise.resolve();
    const run = before.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(path, tail);
    try {
      return await run;
    } finally {
      if (tails.get(path) === tail) tails.delete(path);
    }
  };
}

let patched = false;

/**
 * Makes s3rver's object writes and reads atomic, as S3's are. s3rver writes an
 * object in place and, for buffered bodies, acknowledges the PUT before the
 * bytes reach the disk, so a reader (the local CDN) could see an empty or half
 * page. Here the body goes to a temporary file that is renamed over the object
 * once complete, after the metadata file is written. s3rver's GET also takes
 * the length from one `stat` of the path and then opens the path again, so a
 * GET racing an overwrite could send a longer new body cut at the old length
 * (a torn JSON report); here the GET opens the file once and takes length and
 * bytes from that one version. The metadata file and the rename of the body
 * happen under a lock per key that a GET also takes while it opens the body and
 * reads the metadata, so a GET gets one version's body with that version's
 * metadata (a page's status and type), never the new metadata over the old body.
 */
export function makeS3rverWritesAtomic(): void {
  if (patched) return;
  patched = true;
  const require = createRequire(import.meta.url);
  const FilesystemStore: unknown = require('s3rver/lib/stores/filesystem');
  if (typeof FilesystemStore !== 'function') throw new Error('s3rver FilesystemStore not found');
  const proto: FilesystemStorePrototype = FilesystemStore.prototype;
  const locked = keyedLock();
  proto.putObject = async function putObject(this: FilesystemStorePrototype, object: StoredObject) {
    const objectPath = this.getResourcePath(object.bucket, object.key, 'object');
    const temporary = `${objectPath}.${randomUUID()}.tmp`;
    // The key's folder usually exists already (an overwrite, a rebuild): make it only when the open says it is missing.
    const file = await open(temporary, 'w').catch(async (error: unknown) => {
      if (!isMissing(error)) throw error;
      await mkdir(dirname(objectPath), { recursive: true });
      return open(temporary, 'w');
    });
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
      file.createWriteStream(),
    );
    const digest = md5.digest('hex');
    // Metadata first: a reader of a new object then finds no content yet (404) rather than content without its type.
    await locked(objectPath, async () => {
      await this.putMetadata(object.bucket, object.key, object.metadata, digest);
      await rename(temporary, objectPath);
    });
    return { size, md5: digest };
  };
  const S3Object: S3ObjectConstructor = require('s3rver/lib/models/object');
  proto.getObject = async function getObject(this: FilesystemStorePrototype, bucket, key, options) {
    const objectPath = this.getResourcePath(bucket, key, 'object');
    const opened = await locked(objectPath, async () => {
      const file = await open(objectPath, 'r').catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      if (!file) return undefined;
      const meta = await this.getMetadata(bucket, key).catch(async (error: unknown) => {
        if (isMissing(error)) return {};
        await file.close();
        throw error;
      });
      return { file, meta };
    });
    if (!opened) return null;
    const { file: handle, meta: stored } = opened;
    let streaming = false;
    try {
      const stat = await handle.stat();
      const metadata = { ...stored, 'content-length': stat.size, 'last-modified': stat.mtime.toUTCString() };
      const lastByte = Math.max(0, stat.size - 1);
      const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
      const range = { start: options?.start ?? 0, end: Math.min(options?.end ?? Number.POSITIVE_INFINITY, lastByte) };
      const satisfiable = range.start >= 0 && range.end >= range.start;
      const object = new S3Object(bucket, key, satisfiable ? handle.createReadStream(range) : null, metadata);
      streaming = satisfiable;
      if (ranged) object.range = range;
      return object;
    } finally {
      if (!streaming) await handle.close();
    }
  };
}
