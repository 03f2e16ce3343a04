import { describe, expect, it } from 'vitest';
import { issueToken, signToken, subscriberIdFor, TOKEN_LIFETIME_SECONDS, verifyToken } from '../../../../shared/domain/subscriptions/signed-token';

const SECRET = 'a'.repeat(40);
const now = new Date('2026-12-01T12:00:00Z');

describe('signed links', () => {
  it('verifies a token it issued, for its purpose, until it expires', () => {
    const token = issueToken('confirm', 'reader-1', SECRET, now);
    expect(verifyToken(token, 'confirm', SECRET, now)).toEqual({
      ok: true,
      claims: { purpose: 'confirm', subscriber: 'reader-1', expires: expect.any(Number) },
    });
    const justBefore = new Date(now.getTime() + (TOKEN_LIFETIME_SECONDS.confirm - 1) * 1000);
    expect(verifyToken(token, 'confirm', SECRET, justBefore).ok).toBe(true);
    const after = new Date(now.getTime() + TOKEN_LIFETIME_SECONDS.confirm * 1000);
    expect(verifyToken(token, 'confirm', SECRET, after)).toEqual({ ok: false, problem: 'expired' });
  });

  it('refuses a confirm token where a manage token is needed, and the reverse', () => {
    expect(verifyToken(issueToken('confirm', 'r', SECRET, now), 'manage', SECRET, now)).toEqual({ ok: false, problem: 'wrong-purpose' });
    expect(verifyToken(issueToken('manage', 'r', SECRET, now), 'confirm', SECRET, now)).toEqual({ ok: false, problem: 'wrong-purpose' });
  });

  it('refuses a token signed with another secret or with a changed payload', () => {
    expect(verifyToken(issueToken('manage', 'r', 'b'.repeat(40), now), 'manage', SECRET, now)).toEqual({ ok: false, problem: 'bad-signature' });
    const token = issueToken('manage', 'reader-1', SECRET, now);
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify(['manage', 'reader-2', 9_999_999_999])).toString('base64url')}.${signature}`;
    expect(verifyToken(forged, 'manage', SECRET, now)).toEqual({ ok: false, problem: 'bad-signature' });
  });

  it('refuses malformed tokens without throwing', () => {
    for (const token of ['', 'abc', 'a.b.c', '.', `${'x'.repeat(600)}.y`]) {
      expect(verifyToken(token, 'manage', SECRET, now).ok).toBe(false);
    }
    const signedGarbage = signToken({ purpose: 'manage', subscriber: 'r', expires: 1 }, SECRET).replace(
      /^[^.]+/,
      Buffer.from('not json').toString('base64url'),
    );
    expect(verifyToken(signedGarbage, 'manage', SECRET, now).ok).toBe(false);
  });

  it('derives one stable id per address that does not contain the address', () => {
    const id = subscriberIdFor('reader@example.com', SECRET);
    expect(id).toBe(subscriberIdFor('reader@example.com', SECRET));
    expect(id).not.toBe(subscriberIdFor('other@example.com', SECRET));
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });
});
