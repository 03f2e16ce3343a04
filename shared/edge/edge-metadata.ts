/**
 * Object metadata that the viewer-response function (viewer-response.js)
 * turns into an HTTP status: S3 returns user metadata `name` as the header
 * `x-amz-meta-<name>`.
 */
export const EDGE_METADATA = {
  /** `301` (with `location`) or `410`. */
  status: 'edge-status',
  /** The path a moved page redirects to. */
  location: 'edge-location',
} as const;

/** What an object asks the edge to answer with instead of 200. */
export type EdgeStatus = { readonly status: 301; readonly location: string } | { readonly status: 410 };

/** The S3 user metadata for an edge status. */
export function edgeMetadata(edge: EdgeStatus): Record<string, string> {
  return edge.status === 301 ? { [EDGE_METADATA.status]: '301', [EDGE_METADATA.location]: edge.location } : { [EDGE_METADATA.status]: '410' };
}
