import { ENV } from '../../events/names';
import { createArchiveReader, createArticleLists, createBulkArticleLists } from '../../shared/adapters/article-lists';
import { createCdnInvalidator } from '../../shared/adapters/cdn-invalidator';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { createAwsClients } from '../../shared/config/aws-clients';
import { readRuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import type { SiteConfig } from '../../shared/domain/render';
import { type RebuildDependencies, type RebuildPhase, type RebuildSummary, rebuildSite } from '../../shared/use-cases/rebuild-site';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';

/** Where an import or a rebuild writes: the table, the site bucket and the CDN of the local stack or a stage. */
export interface SiteTarget {
  readonly clients: ReturnType<typeof createAwsClients>;
  readonly tableName: string;
  readonly siteBucket: string;
  readonly distributionId: string;
  readonly siteUrl: string;
}

/** The running local stack, from its `endpoints.json`. */
export async function localSiteTarget(paths = localPaths()): Promise<SiteTarget> {
  const endpoints = await readEndpoints(paths.endpointsFile).catch(() => {
    throw new Error(`No local stack is running (no ${paths.endpointsFile}). Start one with: npm start`);
  });
  process.env.AWS_REGION ??= LOCAL_REGION;
  process.env.AWS_ACCESS_KEY_ID ??= LOCAL_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY ??= LOCAL_CREDENTIALS.secretAccessKey;
  const clients = createAwsClients({
    ...process.env,
    AWS_ENDPOINT_URL_S3: endpoints.s3,
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_CLOUDFRONT: endpoints.cloudfront,
  });
  return {
    clients,
    tableName: endpoints.tableName,
    siteBucket: endpoints.siteBucket,
    distributionId: endpoints.distributionId,
    siteUrl: endpoints.site,
  };
}

/** The site configuration pages of a target are rendered with. */
export function targetSiteConfig(target: SiteTarget): SiteConfig {
  return siteConfigOf(readRuntimeConfig(['siteUrl', 'publication'], { ...process.env, [ENV.siteUrl]: target.siteUrl }));
}

/** Re-renders a target's whole site from its table (see `rebuildSite`). */
export function rebuildTargetSite(
  target: SiteTarget,
  onProgress?: (phase: RebuildPhase, done: number, total: number) => void,
): Promise<RebuildSummary> {
  return rebuildSite(rebuildDependencies(target, onProgress));
}

/** What a rebuild of a target needs: its table, bucket and CDN. */
export function rebuildDependencies(
  target: SiteTarget,
  onProgress?: (phase: RebuildPhase, done: number, total: number) => void,
): RebuildDependencies {
  const table = { client: target.clients.dynamodb, tableName: target.tableName };
  return {
    archive: createArchiveReader(table),
    lists: createBulkArticleLists(table),
    live: createArticleLists(table),
    site: createSiteBucket({ client: target.clients.s3, bucket: target.siteBucket }),
    cdn: createCdnInvalidator({ client: target.clients.cloudfront, distributionId: target.distributionId }),
    siteConfig: targetSiteConfig(target),
    onProgress,
  };
}
