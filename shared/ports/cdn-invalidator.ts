/** Invalidates paths on the CDN (or requests that it be done). */
export interface CdnInvalidator {
  /** Nothing happens for an empty list. */
  invalidate(paths: readonly string[]): Promise<void>;
}
