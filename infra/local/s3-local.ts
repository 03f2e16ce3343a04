import { EventEmitter } from 'node:events';
import { mkdir } from 'node:fs/promises';
import * as z from 'zod';
import { loadLeanS3rver, loadStockS3rver } from './s3rver-lean';
import { s3EventRecordSchema, encodeS3Key, type S3EventRecord } from '../../events/s3-notification';

/** A running s3rver, the in-process S3 API. */
export interface S3Local {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Options of {@link startS3Local}. */
export interface S3LocalOptions {
  readonly directory: string;
  readonly port: number;
  readonly buckets: readonly string[];
  /**
   * Whether s3rver runs with its per-request overhead cut (`loadLeanS3rver`, events of other buckets than
   * `notifying` left unparsed). `false` runs it as it comes, with atomic writes only and every event parsed, for the
   * bench's side-by-side ceiling; it must then be the only s3rver of its process.
   * @default true
   */
  readonly lean?: boolean;
  /** The buckets with notifications configured (as on AWS, where the others send none). @default every bucket */
  readonly notifying?: readonly string[];
  /** Receives every object notification of a notifying bucket, shaped and key-encoded as S3 sends them. */
  readonly onEvent: (record: S3EventRecord) => void;
}

/**
 * Starts s3rver with the given buckets. Differences from AWS written down:
 * s3rver does not URL-encode keys in its events (this adapter does, so
 * handlers decode the same way everywhere); it notifies for every bucket and
 * prefix, so the configured prefix filter is applied by the caller; no
 * versioning; no multipart notifications; object writes made atomic by
 * `makeS3rverWritesAtomic` (s3rver writes in place), per-request overhead
 * cut by `loadLeanS3rver`.
 */
export async function startS3Local({ directory, port, buckets, notifying = buckets, onEvent, lean = true }: S3LocalOptions): Promise<S3Local> {
  await mkdir(directory, { recursive: true });
  const S3rver = lean ? loadLeanS3rver() : loadStockS3rver();
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory,
    silent: true,
    configureBuckets: buckets.map((name) => ({ name, configs: [] })),
  });
  // s3rver is a Koa application, which is an EventEmitter; its type declarations omit that.
  if (!(server instanceof EventEmitter)) throw new Error('s3rver no longer emits events');
  server.on('event', (event: unknown) => {
    for (const raw of s3rverEventSchema.parse(event).Records) {
      // s3rver notifies for every bucket; a bucket without notifications is not worth parsing (a rebuild's PUTs).
      if (lean && !notifying.includes(bucketOf(raw) ?? '')) continue;
      const record = s3EventRecordSchema.parse(raw);
      onEvent({ ...record, s3: { ...record.s3, object: { ...record.s3.object, key: encodeS3Key(record.s3.object.key) } } });
    }
  });
  await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An s3rver event: its records, each parsed only when its bucket notifies. Built once: s3rver emits one per object write. */
const s3rverEventSchema = z.object({ Records: z.array(z.unknown()) });

/** The bucket an s3rver event record names, without parsing the rest of it. */
function bucketOf(raw: unknown): string | undefined {
  const bucket = (raw as { s3?: { bucket?: { name?: unknown } } } | undefined)?.s3?.bucket?.name;
  return typeof bucket === 'string' ? bucket : undefined;
}
