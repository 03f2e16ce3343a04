import { createRequire } from 'node:module';
import type S3rver from 's3rver';
import { makeS3rverWritesAtomic } from './s3rver-atomic-writes';

interface SubresourceStore {
  getResourcePath(bucket: string, key: string | undefined, resource: string): string;
  getSubresource(bucket: string, key: string | undefined, resourceType: string): Promise<unknown>;
  putSubresource(bucket: string, key: string | undefined, resource: { type: string }): Promise<void>;
  deleteSubresource(bucket: string, key: string | undefined, resourceType: string): Promise<void>;
  putBucket(bucket: string): Promise<unknown>;
  deleteBucket(bucket: string): Promise<void>;
}

type LoggerMiddleware = (app: { logger?: unknown }, silent: boolean) => (ctx: unknown, next: () => Promise<void>) => Promise<void>;

let loaded: typeof S3rver | undefined;

/**
 * s3rver with its per-request overhead cut, for the bulk PUTs of a rebuild,
 * nothing it answers changed (writes made atomic as well, see
 * `makeS3rverWritesAtomic`):
 * - Every request read the bucket's CORS and website configurations from
 *   disk (two failed file reads for our buckets, which have neither); they
 *   are kept in memory once read, and forgotten whenever this server writes
 *   or deletes a configuration or a bucket (it is the only writer of its
 *   folder).
 * - With `silent`, s3rver still ran koa-logger on every request (colouring
 *   and counting each response body's bytes for a log nobody sees); a silent
 *   server now keeps only its (silent) winston logger.
 * Must load s3rver itself (it reads its logger middleware once, at load).
 */
export function loadLeanS3rver(): typeof S3rver {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const loggerPath = require.resolve('s3rver/lib/middleware/logger');
  const verbose: LoggerMiddleware = require(loggerPath);
  const quiet: LoggerMiddleware = (app, silent) => {
    const middleware = verbose(app, silent);
    return silent ? (_ctx, next) => next() : middleware;
  };
  const cached = require.cache[loggerPath];
  if (!cached) throw new Error('s3rver logger middleware not in the require cache');
  cached.exports = quiet;

  const FilesystemStore: unknown = require('s3rver/lib/stores/filesystem');
  if (typeof FilesystemStore !== 'function') throw new Error('s3rver FilesystemStore not found');
  const proto: SubresourceStore = FilesystemStore.prototype;
  const configs = new Map<string, Promise<unknown>>();
  const { getSubresource, putSubresource, deleteSubresource, putBucket, deleteBucket } = proto;
  proto.getSubresource = function (this: SubresourceStore, bucket, key, resourceType) {
    const path = this.getResourcePath(bucket, key, `${resourceType}.xml`);
    let config = configs.get(path);
    if (!config) {
      config = getSubresource.call(this, bucket, key, resourceType);
      configs.set(path, config);
      config.catch(() => configs.delete(path));
    }
    return config;
  };
  const forgetting = <A extends unknown[], R>(write: (this: SubresourceStore, ...args: A) => Promise<R>) =>
    async function (this: SubresourceStore, ...args: A): Promise<R> {
      configs.clear();
      try {
        return await write.apply(this, args);
      } finally {
        configs.clear();
      }
    };
  proto.putSubresource = forgetting(putSubresource);
  proto.deleteSubresource = forgetting(deleteSubresource);
  proto.putBucket = forgetting(putBucket);
  proto.deleteBucket = forgetting(deleteBucket);

  makeS3rverWritesAtomic();
  loaded = require('s3rver') as typeof S3rver;
  return loaded;
}

/** s3rver as it comes, with atomic writes only (see {@link loadLeanS3rver}); not in a process that loaded the lean one. */
export function loadStockS3rver(): typeof S3rver {
  if (loaded) throw new Error('The lean s3rver is loaded in this process');
  makeS3rverWritesAtomic();
  return createRequire(import.meta.url)('s3rver') as typeof S3rver;
}
