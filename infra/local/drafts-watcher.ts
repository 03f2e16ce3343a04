import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { watch } from 'chokidar';
import { mkdir, readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { DRAFTS_PREFIX } from '../../events/names';

/** A running watch on the drafts folder. */
export interface DraftsWatcher {
  /** Resolves once the initial scan has been uploaded. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Mirrors a local folder into the drafts bucket under `prefix` (`drafts/`,
 * or `previews/` for the previews folder): a file written (once its size
 * settles) is uploaded, a file deleted is deleted. Hidden files and editor
 * swap files are ignored.
 */
export async function watchDraftsFolder({
  dir,
  client,
  bucket,
  onError,
  prefix = DRAFTS_PREFIX,
}: {
  dir: string;
  client: S3Client;
  bucket: string;
  onError: (message: string) => void;
  /** @default DRAFTS_PREFIX */
  prefix?: string;
}): Promise<DraftsWatcher> {
  await mkdir(dir, { recursive: true });
  const keyFor = (path: string) => prefix + relative(dir, path).split(sep).join('/');
  const watcher = watch(dir, {
    ignored: (path) => /(^|[/\\])\.|~$|\.swp$/.test(relative(dir, path)),
    awaitWriteFinish: { stabilityThreshold: 150, pollInterval: 25 },
  });
  const pending = new Set<Promise<unknown>>();
  const track = (work: Promise<unknown>) => {
    const guarded = work.catch((error: unknown) => onError(error instanceof Error ? error.message : String(error)));
    pending.add(guarded);
    void guarded.finally(() => pending.delete(guarded));
  };
  const upload = (path: string) =>
    track(readFile(path).then((body) => client.send(new PutObjectCommand({ Bucket: bucket, Key: keyFor(path), Body: body }))));
  watcher.on('add', upload);
  watcher.on('change', upload);
  watcher.on('unlink', (path) => track(client.send(new DeleteObjectCommand({ Bucket: bucket, Key: keyFor(path) }))));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve())).then(() => Promise.all(pending).then(() => undefined));
  return {
    ready,
    async stop() {
      await watcher.close();
      await Promise.all(pending);
    },
  };
}
