import { DeleteObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { PREVIEW_EXPIRATION_DAYS, PREVIEW_SITE_PREFIX } from '../../events/names';

const DAY_MS = 24 * 3600 * 1000;

/** Options of {@link startPreviewSweeper}. */
export interface PreviewSweeperOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** @default one hour */
  readonly intervalMs?: number;
  readonly now?: () => Date;
  readonly onError?: (message: string) => void;
}

/**
 * Deletes the site bucket's preview objects more than
 * `PREVIEW_EXPIRATION_DAYS` old, now and then every `intervalMs`: the local
 * stand-in for the site bucket's lifecycle rule, which s3rver lacks. S3
 * rounds a lifecycle expiry up to the next midnight UTC; this does not. The
 * edge (the same viewer-request code on both) already refuses an expired
 * preview, so the difference only shows in the bucket, never to a reader.
 */
export function startPreviewSweeper(options: PreviewSweeperOptions): { sweep(): Promise<number>; stop(): void } {
  const now = options.now ?? (() => new Date());
  async function sweep(): Promise<number> {
    let deleted = 0;
    let token: string | undefined;
    do {
      const page = await options.client.send(
        new ListObjectsV2Command({ Bucket: options.bucket, Prefix: PREVIEW_SITE_PREFIX, ContinuationToken: token }),
      );
      for (const object of page.Contents ?? []) {
        if (!object.Key || !object.LastModified) continue;
        if (object.LastModified.getTime() + PREVIEW_EXPIRATION_DAYS * DAY_MS > now().getTime()) continue;
        await options.client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: object.Key }));
        deleted++;
      }
      token = page.NextContinuationToken;
    } while (token);
    return deleted;
  }
  const run = () => void sweep().catch((error: unknown) => options.onError?.(error instanceof Error ? error.message : String(error)));
  run();
  const timer = setInterval(run, options.intervalMs ?? 3600_000);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
