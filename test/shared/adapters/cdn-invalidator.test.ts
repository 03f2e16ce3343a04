import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCloudFrontApiServer, type CloudFrontApiServer } from '../../../infra/local/cloudfront/cloudfront-api-server';
import { createCdnInvalidator } from '../../../shared/adapters/cdn-invalidator';

const DISTRIBUTION = 'EINVALIDATORTEST';
let server: CloudFrontApiServer;
let client: CloudFrontClient;

beforeAll(async () => {
  server = await startCloudFrontApiServer({ distributionIds: [DISTRIBUTION], completeAfterMs: 60_000 });
  client = new CloudFrontClient({
    endpoint: server.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  client.destroy();
  await server.close();
});

describe('CDN invalidator', () => {
  it('is accepted by the strict endpoint for the same article twice with other paths (a new caller reference per attempt)', async () => {
    const cdn = createCdnInvalidator({ client, distributionId: DISTRIBUTION });
    await cdn.invalidate(['/articles/a/index.html']);
    await cdn.invalidate(['/articles/a/index.html', '/index.html']);
    await cdn.invalidate(['/articles/a/index.html']);
    expect(server.state.inProgress(DISTRIBUTION)).toHaveLength(3);
  });

  it('sends nothing for no paths and URL-encodes the others', async () => {
    const cdn = createCdnInvalidator({ client, distributionId: DISTRIBUTION });
    const before = server.state.inProgress(DISTRIBUTION).length;
    await cdn.invalidate([]);
    expect(server.state.inProgress(DISTRIBUTION)).toHaveLength(before);
    await cdn.invalidate(['/articles/café/index.html']);
    expect(server.state.inProgress(DISTRIBUTION).at(-1)?.paths).toEqual(['/articles/caf%C3%A9/index.html']);
  });
});
