import { randomBytes } from 'node:crypto';

/** CloudFront's quotas on invalidations in progress per distribution. */
export const INVALIDATION_LIMITS = {
  /** Individual file paths in progress at once. */
  filePathsInProgress: 3000,
  /** Wildcard paths (`…*`) in progress at once. */
  wildcardPathsInProgress: 15,
} as const;

/** One invalidation as CloudFront reports it. */
export interface Invalidation {
  readonly id: string;
  readonly distributionId: string;
  readonly callerReference: string;
  readonly paths: readonly string[];
  readonly createTime: Date;
  /** When it stops being in progress. */
  readonly completesAt: number;
}

/** An error CloudFront answers with: its code, HTTP status and message. */
export class CloudFrontApiError extends Error {
  override readonly name = 'CloudFrontApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Options of {@link createInvalidationState}. */
export interface InvalidationStateOptions {
  /** The distributions that exist. */
  readonly distributionIds: readonly string[];
  /** How long an invalidation stays in progress. */
  readonly completeAfterMs: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** The invalidations of the local distributions, with CloudFront's rules. */
export interface InvalidationState {
  /** Creates an invalidation, or returns the one created earlier with the same caller reference and paths. */
  create(distributionId: string, callerReference: string, paths: readonly string[]): Invalidation;
  get(distributionId: string, id: string): Invalidation;
  /** Invalidations still in progress on a distribution. */
  inProgress(distributionId: string): Invalidation[];
}

const isWildcard = (path: string) => path.endsWith('*');

/**
 * CloudFront's invalidation rules, kept in memory: a caller reference names
 * one batch for good (the same reference with the same paths returns that
 * invalidation, with other paths it is `InvalidationBatchAlreadyExists`);
 * paths start with `/` and may hold `*` only at their end; at most 3,000 file
 * paths and 15 wildcard paths in progress per distribution
 * (`TooManyInvalidationsInProgress`). Differences from CloudFront: state is
 * lost on restart; an invalidation completes after a fixed time.
 */
export function createInvalidationState(options: InvalidationStateOptions): InvalidationState {
  const now = options.now ?? Date.now;
  const byDistribution = new Map<string, Invalidation[]>(options.distributionIds.map((id) => [id, []]));

  function invalidationsOf(distributionId: string): Invalidation[] {
    const found = byDistribution.get(distributionId);
    if (!found) throw new CloudFrontApiError('NoSuchDistribution', 404, `The specified distribution does not exist: ${distributionId}`);
    return found;
  }

  function inProgress(distributionId: string): Invalidation[] {
    const at = now();
    return invalidationsOf(distributionId).filter((invalidation) => invalidation.completesAt > at);
  }

  function create(distributionId: string, callerReference: string, paths: readonly string[]): Invalidation {
    const all = invalidationsOf(distributionId);
    if (callerReference === '') throw new CloudFrontApiError('InvalidArgument', 400, 'CallerReference is required.');
    if (paths.length === 0) throw new CloudFrontApiError('InvalidArgument', 400, 'An invalidation needs at least one path.');
    for (const path of paths) {
      if (!path.startsWith('/') || path.slice(0, -1).includes('*')) {
        throw new CloudFrontApiError('InvalidArgument', 400, `Invalid path: ${path}. Paths start with / and may end with a single *.`);
      }
    }
    const earlier = all.find((invalidation) => invalidation.callerReference === callerReference);
    if (earlier) {
      const same = earlier.paths.length === paths.length && [...earlier.paths].sort().join('\n') === [...paths].sort().join('\n');
      if (same) return earlier;
      throw new CloudFrontApiError(
        'InvalidationBatchAlreadyExists',
        409,
        `The caller reference ${callerReference} is already in use for a different invalidation batch.`,
      );
    }
    const running = inProgress(distributionId).flatMap((invalidation) => invalidation.paths);
    const wildcards = running.filter(isWildcard).length + paths.filter(isWildcard).length;
    const files = running.filter((path) => !isWildcard(path)).length + paths.filter((path) => !isWildcard(path)).length;
    if (wildcards > INVALIDATION_LIMITS.wildcardPathsInProgress || files > INVALIDATION_LIMITS.filePathsInProgress) {
      throw new CloudFrontApiError(
        'TooManyInvalidationsInProgress',
        400,
        `Your request contains too many invalidations: ${files} file paths and ${wildcards} wildcard paths would be in progress ` +
          `(limits ${INVALIDATION_LIMITS.filePathsInProgress} and ${INVALIDATION_LIMITS.wildcardPathsInProgress}).`,
      );
    }
    const created: Invalidation = {
      id: `I${randomBytes(7).toString('hex').toUpperCase()}`,
      distributionId,
      callerReference,
      paths: [...paths],
      createTime: new Date(now()),
      completesAt: now() + options.completeAfterMs,
    };
    all.push(created);
    return created;
  }

  function get(distributionId: string, id: string): Invalidation {
    const found = invalidationsOf(distributionId).find((invalidation) => invalidation.id === id);
    if (!found) throw new CloudFrontApiError('NoSuchInvalidation', 404, `The specified invalidation does not exist: ${id}`);
    return found;
  }

  return { create, get, inProgress };
}
