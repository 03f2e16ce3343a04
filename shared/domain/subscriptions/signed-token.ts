import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a signed link lets its holder do. */
export type TokenPurpose = 'confirm' | 'manage';

/** The claims of a signed link. */
export interface TokenClaims {
  readonly purpose: TokenPurpose;
  /** The subscriber id (never the address). */
  readonly subscriber: string;
  /** Expiry, seconds since the epoch. */
  readonly expires: number;
}

/** Why a token was refused. */
export type TokenProblem = 'malformed' | 'bad-signature' | 'expired' | 'wrong-purpose';

/** How long each kind of link stays valid, in seconds: a confirm link 2 days, a preferences link 60 days. */
export const TOKEN_LIFETIME_SECONDS: Readonly<Record<TokenPurpose, number>> = {
  confirm: 2 * 24 * 3600,
  manage: 60 * 24 * 3600,
};

const mac = (secret: string, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

/** Signs claims into a URL-safe token `<payload>.<HMAC-SHA256>`, both base64url. */
export function signToken(claims: TokenClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify([claims.purpose, claims.subscriber, claims.expires])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The claims of a freshly issued token for `purpose`, expiring after its lifetime. */
export function issueToken(purpose: TokenPurpose, subscriber: string, secret: string, now: Date): string {
  return signToken({ purpose, subscriber, expires: Math.floor(now.getTime() / 1000) + TOKEN_LIFETIME_SECONDS[purpose] }, secret);
}

/**
 * Verifies a token's signature (in constant time), expiry and purpose.
 * @returns the claims, or the first problem found.
 */
export function verifyToken(
  token: string,
  purpose: TokenPurpose,
  secret: string,
  now: Date,
): { ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem } {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || payload.length > 512) return { ok: false, problem: 'malformed' };
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, problem: 'bad-signature' };
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, problem: 'malformed' };
  }
  if (!Array.isArray(parts) || parts.length !== 3) return { ok: false, problem: 'malformed' };
  const [claimedPurpose, subscriber, expires] = parts as unknown[];
  if ((claimedPurpose !== 'confirm' && claimedPurpose !== 'manage') || typeof subscriber !== 'string' || typeof expires !== 'number') {
    return { ok: false, problem: 'malformed' };
  }
  if (claimedPurpose !== purpose) return { ok: false, problem: 'wrong-purpose' };
  if (expires * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claims: { purpose, subscriber, expires } };
}

/**
 * A reader's stable id: HMAC-SHA256 of the normalized address under the
 * link secret, hex, 32 characters. Links and interest items carry this, never
 * the address; without the secret it cannot be turned back into one.
 */
export function subscriberIdFor(normalizedEmail: string, secret: string): string {
  return createHmac('sha256', secret).update(`reader:${normalizedEmail}`).digest('hex').slice(0, 32);
}
