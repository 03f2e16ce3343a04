import { timingSafeEqual } from 'node:crypto';

/**
 * Whether a request to the subscription API came through the CDN: the HTTP
 * API's own execute-api address is public, and a caller going there directly
 * would skip the web ACL and could forge `CloudFront-Viewer-Address`, the
 * address the per-client limit counts. CloudFront adds the origin token as a
 * header; without a configured token (the local stack, where the CDN calls
 * the handler in process) every request passes.
 *
 * @param presented the header's value, if any
 * @param token the configured origin token
 */
export function cameThroughCdn(presented: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  if (presented === undefined) return false;
  const [a, b] = [Buffer.from(presented), Buffer.from(token)];
  return a.length === b.length && timingSafeEqual(a, b);
}
