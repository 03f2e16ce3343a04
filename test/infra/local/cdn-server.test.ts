import { PutObjectCommand } from '@aws-sdk/client-s3';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { bucketKey } from '../../../infra/local/cdn-server';
import { endpoints, s3Client } from '../../support/local-stack-client';

/** GETs a raw request target from the local CDN, exactly as written (fetch would normalise it). */
function getRaw(target: string): Promise<{ status: number; body: string; location?: string }> {
  const site = new URL(endpoints().site);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: site.port, path: target, method: 'GET' }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body, location: response.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local CDN', () => {
  it('does not serve objects of another bucket through an encoded ../ path', async () => {
    const secret = `embargoed ${Date.now()}`;
    // Not a draft suffix, so intake ignores it; it only has to exist in the drafts bucket.
    const name = `traversal-${Date.now()}.txt`;
    await s3Client().send(new PutObjectCommand({ Bucket: endpoints().draftsBucket, Key: `drafts/${name}`, Body: secret }));
    for (const target of [
      `/..%2F${endpoints().draftsBucket}%2Fdrafts%2F${name}`,
      `/%2E%2E/${endpoints().draftsBucket}/drafts/${name}`,
      `/articles/..%2F..%2F${endpoints().draftsBucket}%2Fdrafts%2F${name}`,
    ]) {
      const response = await getRaw(target);
      expect(response.status).toBe(404);
      expect(response.body).not.toContain(secret);
    }
  });

  it('redirects a protocol-relative looking path to a path on the same site', async () => {
    const response = await getRaw('//evil.example.com/x?a=1');
    expect(response.status).toBe(301);
    expect(response.location).toBe('/evil.example.com/x/?a=1');
  });

  it('maps ordinary paths to their key and refuses dot segments', () => {
    expect(bucketKey('/articles/caf%C3%A9/index.html')).toBe('articles/café/index.html');
    expect(bucketKey('/..%2Fx')).toBeUndefined();
    expect(bucketKey('/a/%2e/b')).toBeUndefined();
    expect(bucketKey('/%E0%A4%A')).toBeUndefined();
  });
});
