/**
 * Security and caching headers that the CDN adds to every response. The CDK
 * response headers policy and the local CDN server are both built from this.
 */
export const SECURITY_HEADERS = {
  contentSecurityPolicy:
    "default-src 'none'; img-src 'self' https: data:; style-src 'self'; script-src 'self'; connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  strictTransportSecurity: { maxAgeSeconds: 63072000, includeSubdomains: true, preload: true },
  referrerPolicy: 'strict-origin-when-cross-origin',
  frameOptions: 'DENY',
} as const;

/** The same policy as plain HTTP header name/value pairs. */
export function securityHeaderEntries(): Array<[string, string]> {
  const hsts = SECURITY_HEADERS.strictTransportSecurity;
  return [
    ['content-security-policy', SECURITY_HEADERS.contentSecurityPolicy],
    [
      'strict-transport-security',
      `max-age=${hsts.maxAgeSeconds}${hsts.includeSubdomains ? '; includeSubDomains' : ''}${hsts.preload ? '; preload' : ''}`,
    ],
    ['x-content-type-options', 'nosniff'],
    ['referrer-policy', SECURITY_HEADERS.referrerPolicy],
    ['x-frame-options', SECURITY_HEADERS.frameOptions],
  ];
}
