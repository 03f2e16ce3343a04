import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { edgeMetadata } from '../edge/edge-metadata';
import type { SiteAssets, SiteBucket } from '../ports/site-bucket';

/** Options of {@link createSiteBucket}. */
export interface SiteBucketOptions {
  readonly client: S3Client;
  readonly bucket: string;
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
