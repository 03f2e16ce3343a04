import { CloudFrontClient, CreateInvalidationCommand, GetInvalidationCommand, TooManyInvalidationsInProgress } from '@aws-sdk/client-cloudfront';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCloudFrontApiServer, type CloudFrontApiServer } from '../../../../infra/local/cloudfront/cloudfront-api-server';
import { INVALIDATION_LIMITS } from '../../../../infra/local/cloudfront/invalidation-state';

const DISTRIBUTION = 'ELOCALTEST';
let server: CloudFrontApiServer;
let client: CloudFrontClient;

beforeEach(async () => {
  server = await startCloudFrontApiServer({ distributionIds: [DISTRIBUTION], completeAfterMs: 60_000 });
  client = new CloudFrontClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterEach(async () => {
  client.destroy();
  await server.close();
});

const invalidate = (callerReference: string, paths: string[]) =>
  client.send(
    new CreateInvalidationCommand({
      DistributionId: DISTRIBUTION,
      InvalidationBatch: { CallerReference: callerReference, Paths: { Quantity: paths.length, Items: paths } },
    }),
  );

describe('local CloudFront invalidation API', () => {
  it('creates an invalidation the SDK can read back, in progress', async () => {
    const created = await invalidate('ref-1', ['/articles/a/index.html']);
    expect(created.Invalidation?.Status).toBe('InProgress');
    const read = await client.send(new GetInvalidationCommand({ DistributionId: DISTRIBUTION, Id: created.Invalidation?.Id }));
    expect(read.Invalidation?.InvalidationBatch?.Paths?.Items).toEqual(['/articles/a/index.html']);
  });

  it('returns the same invalidation for the same caller reference and paths', async () => {
    const first = await invalidate('ref-2', ['/a', '/b']);
    const again = await invalidate('ref-2', ['/b', '/a']);
    expect(again.Invalidation?.Id).toBe(first.Invalidation?.Id);
  });

  it('refuses the same caller reference with other paths, as CloudFront does', async () => {
    await invalidate('article-v1', ['/articles/a/*']);
    await expect(invalidate('article-v1', ['/articles/a/*', '/feeds/*'])).rejects.toMatchObject({
      name: 'InvalidationBatchAlreadyExists',
      $metadata: { httpStatusCode: 409 },
    });
  });

  it('refuses a 16th wildcard path in progress', async () => {
    await invalidate(
      'wild-1',
      Array.from({ length: INVALIDATION_LIMITS.wildcardPathsInProgress - 1 }, (_, i) => `/w${i}/*`),
    );
    await invalidate('wild-2', ['/last/*']);
    await expect(invalidate('wild-3', ['/one-too-many/*'])).rejects.toBeInstanceOf(TooManyInvalidationsInProgress);
    await expect(invalidate('files-ok', ['/articles/a/index.html'])).resolves.toBeDefined();
  });

  it('refuses a 3,001st file path in progress', async () => {
    await invalidate(
      'many',
      Array.from({ length: INVALIDATION_LIMITS.filePathsInProgress }, (_, i) => `/p/${i}.html`),
    );
    await expect(invalidate('one-more', ['/p/extra.html'])).rejects.toBeInstanceOf(TooManyInvalidationsInProgress);
  });

  it('frees the budget once invalidations complete', async () => {
    const quick = await startCloudFrontApiServer({ distributionIds: [DISTRIBUTION], completeAfterMs: 0 });
    const quickClient = new CloudFrontClient({ endpoint: quick.url, region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    try {
      for (let round = 0; round < 3; round++) {
        await quickClient.send(
          new CreateInvalidationCommand({
            DistributionId: DISTRIBUTION,
            InvalidationBatch: {
              CallerReference: `round-${round}`,
              Paths: { Quantity: 15, Items: Array.from({ length: 15 }, (_, i) => `/r${i}/*`) },
            },
          }),
        );
      }
    } finally {
      quickClient.destroy();
      await quick.close();
    }
  });

  it('refuses a path with a wildcard before its end', async () => {
    await expect(invalidate('bad', ['/a*/b'])).rejects.toMatchObject({ name: 'InvalidArgument' });
  });
});
