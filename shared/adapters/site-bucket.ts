import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { RenderedFile, SiteAsset } from '../domain/render';
import { edgeMetadata } from '../edge/edge-metadata';

/** Options of {@link createSiteBucket}. */
export interface SiteBucketOptions {
  readonly client: S3Client;
  readonly bucket: string;
}

/** Writes rendered files to the site bucket that the CDN serves. */
export interface SiteBucket {
  /** Writes each file with its content type and cache policy. */
  write(files: readonly RenderedFile[]): Promise<void>;
}

/** Writes binary assets (copied images) to the site bucket. */
export interface SiteAssets {
  /** Writes one asset with its content type and cache policy. */
  writeAsset(asset: SiteAsset): Promise<void>;
}

/** Creates the site bucket adapter. */
export function createSiteBucket({ client, bucket }: SiteBucketOptions): SiteBucket & SiteAssets {
  return {
    async writeAsset(asset) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: asset.key,
          Body: asset.body,
          ContentType: asset.contentType,
          CacheControl: asset.cacheControl,
        }),
      );
    },
    async write(files) {
      await Promise.all(
        files.map((file) =>
          client.send(
            new PutObjectCommand({
              Bucket: bucket,
              Key: file.key,
              Body: file.body,
              ContentType: file.contentType,
              CacheControl: file.cacheControl,
              Metadata: file.edge ? edgeMetadata(file.edge) : undefined,
            }),
          ),
        ),
      );
    },
  };
}
