import { describe, expect, it } from 'vitest';
import { cameThroughCdn } from '../../../../shared/domain/subscriptions/origin-token';

const TOKEN = 'a'.repeat(48);

describe('cameThroughCdn', () => {
  it('accepts a request carrying the origin token CloudFront adds', () => {
    expect(cameThroughCdn(TOKEN, TOKEN)).toBe(true);
  });

  it('refuses one sent straight to the API: no header, a wrong one, or a prefix of the token', () => {
    expect(cameThroughCdn(undefined, TOKEN)).toBe(false);
    expect(cameThroughCdn('b'.repeat(48), TOKEN)).toBe(false);
    expect(cameThroughCdn(TOKEN.slice(0, 20), TOKEN)).toBe(false);
  });

  it('lets everything through where no token is configured (the local stack, where the CDN calls the handler in process)', () => {
    expect(cameThroughCdn(undefined, undefined)).toBe(true);
  });
});
