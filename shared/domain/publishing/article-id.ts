import { createHash } from 'node:crypto';

/** SHA-256 hex digest of some bytes or text. */
export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The stable id of the article a draft object produces: the same key always maps to the same article. */
export function articleIdFor(draftKey: string): string {
  return sha256(draftKey).slice(0, 20);
}
