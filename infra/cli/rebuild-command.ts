import { createArchiveReader, createArticleLists } from '../../shared/adapters/article-lists';
import { createCdnInvalidator } from '../../shared/adapters/cdn-invalidator';
import { readRuntimeConfig, siteConfigOf } from '../../shared/config/runtime-config';
import { ENV } from '../../events/names';
import { createSiteBucket } from '../../shared/adapters/site-bucket';
import { createAwsClients } from '../../shared/config/aws-clients';
import { rebuildSite, type RebuildSummary } from '../../shared/use-cases/rebuild-site';
import { readEndpoints } from '../local/endpoints';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../local/local-credentials';
import { localPaths } from '../local/local-paths';

const BAR_WIDTH = 30;

/** A one-line text progress bar, e.g. `pages [#######.......]  120/480`. */
export function progressBar(label: string, done: number, total: number): string {
  const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
  return `${label.padEnd(6)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${String(done).padStart(6)}/${total}`;
}

/** The summary line printed after a rebuild. */
export function describeRebuild(summary: RebuildSummary): string {
  const seconds = summary.milliseconds / 1000;
  return `Rebuilt ${summary.articles} articles: ${summary.files} files across ${summary.lists} lists in ${seconds.toFixed(1)} s (${Math.round(summary.files / Math.max(seconds, 0.001))} files/s); invalidated /*.`;
}

/** Re-renders the whole site of the running local stack (from its `endpoints.json`), drawing a progress bar on stderr. */
export async function rebuildLocalSite(): Promise<RebuildSummary> {
  const paths = localPaths();
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
  const table = { client: clients.dynamodb, tableName: endpoints.tableName };
  const tty = process.stderr.isTTY;
  const summary = await rebuildSite({
    archive: createArchiveReader(table),
    lists: createArticleLists(table),
    site: createSiteBucket({ client: clients.s3, bucket: endpoints.siteBucket }),
    cdn: createCdnInvalidator({ client: clients.cloudfront, distributionId: endpoints.distributionId }),
    siteConfig: siteConfigOf(readRuntimeConfig(['siteUrl', 'publication'], { ...process.env, [ENV.siteUrl]: endpoints.site })),
    onProgress: (phase, done, total) => {
      if (tty) process.stderr.write(`\r${progressBar(phase, done, total)}${done === total ? '\n' : ''}`);
      else if (done === total) process.stderr.write(`${progressBar(phase, done, total)}\n`);
    },
  });
  return summary;
}
