/** The result of reading a draft object with a size limit. */
export type DraftRead =
  | { readonly kind: 'read'; readonly bytes: Uint8Array }
  | { readonly kind: 'too-large'; readonly size: number }
  | { readonly kind: 'missing' };

/** Reads drafts and writes their reports in the drafts bucket. */
export interface DraftBucket {
  /** Reads a draft, refusing (without reading the body) anything over `maxBytes`. */
  read(key: string, maxBytes: number): Promise<DraftRead>;
  /** Writes a JSON document (a report) at `key`. */
  writeJson(key: string, document: unknown): Promise<void>;
}
