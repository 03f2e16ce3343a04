import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PREVIEW_TTL_HOURS } from '../../../../events/names';
import { previewAddress, previewExpiry } from '../../../../shared/domain/publishing/preview';

const NOW = new Date('2026-12-01T10:00:00.000Z');

describe('previewAddress', () => {
  it('puts the page under preview/<token>/ and expires it PREVIEW_TTL_HOURS later', () => {
    const address = previewAddress(NOW, new Uint8Array(16).fill(7));
    expect(address.path).toBe(`/preview/${address.token}/`);
    expect(address.key).toBe(`preview/${address.token}/index.html`);
    expect(Date.parse(address.expiresAt) - NOW.getTime()).toBe(PREVIEW_TTL_HOURS * 3600 * 1000);
    expect(previewExpiry(address.token)?.toISOString()).toBe(address.expiresAt);
  });

  it('carries 128 random bits, so two previews never share an address', () => {
    const a = previewAddress(NOW, randomBytes(16));
    const b = previewAddress(NOW, randomBytes(16));
    expect(a.token).not.toBe(b.token);
    expect(a.token).toMatch(/^[0-9a-z]+-[A-Za-z0-9_-]{22}$/);
  });

  it('refuses fewer than 16 random bytes', () => {
    expect(() => previewAddress(NOW, new Uint8Array(8))).toThrow();
  });

  it('reads no expiry from something that is not a token', () => {
    expect(previewExpiry('not-a-token')).toBeUndefined();
  });
});
