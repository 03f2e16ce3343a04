/** Invalidates changed paths on the CDN, one request per event. */
export interface CdnInvalidator {
  invalidate(paths: readonly string[], callerReference: string): Promise<void>;
}
