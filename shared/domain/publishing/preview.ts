import { DRAFT_SUFFIXES, PREVIEW_SITE_PREFIX, PREVIEW_TTL_HOURS, PREVIEWS_PREFIX } from '../../../events/names';

/** A preview's address: its token, site path and when it stops answering. */
export interface PreviewAddress {
  /** `<expiry in base-36 epoch seconds>-<22 base64url characters of randomness>` */
  readonly token: string;
  /** Root-relative path, e.g. `/preview/<token>/`. */
  readonly path: string;
  /** Site bucket key of the page. */
  readonly key: string;
  /** ISO 8601 instant after which the edge answers 410. */
  readonly expiresAt: string;
}

// The viewer-request function (shared/edge/viewer-request.js) reads the expiry with the same pattern.
const TOKEN = /^([0-9a-z]+)-([A-Za-z0-9_-]{22})$/;

/**
 * A new, unguessable preview address: 128 random bits, with the expiry
 * ({@link PREVIEW_TTL_HOURS} after `now`, whole seconds) written in front so
 * the edge can refuse it without a lookup. Changing the expiry changes the
 * key, so an edited URL finds nothing.
 */
export function previewAddress(now: Date, random: Uint8Array, ttlHours = PREVIEW_TTL_HOURS): PreviewAddress {
  if (random.length < 16) throw new Error('a preview token needs 16 random bytes');
  const expires = Math.floor(now.getTime() / 1000) + ttlHours * 3600;
  const token = `${expires.toString(36)}-${Buffer.from(random.subarray(0, 16)).toString('base64url')}`;
  return {
    token,
    path: `/${PREVIEW_SITE_PREFIX}${token}/`,
    key: `${PREVIEW_SITE_PREFIX}${token}/index.html`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
}

/** The expiry of a preview token, or undefined when it is not one. */
export function previewExpiry(token: string): Date | undefined {
  const match = TOKEN.exec(token);
  return match?.[1] === undefined ? undefined : new Date(Number.parseInt(match[1], 36) * 1000);
}

/** Whether an object key is a draft to preview. */
export function isPreviewKey(key: string): boolean {
  return key.startsWith(PREVIEWS_PREFIX) && DRAFT_SUFFIXES.some((suffix) => key.toLowerCase().endsWith(suffix));
}
