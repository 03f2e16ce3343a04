/** A time limit on the work done for one draft, checked between bounded steps. */

/** A draft's processing passed its deadline: the draft is too complex to publish as it is. */
export class DraftTooComplexError extends Error {
  override readonly name = 'DraftTooComplexError';
  constructor(
    /** The step that was running when the deadline passed, e.g. `takeaways`. */
    readonly step: string,
    readonly limitMs: number,
  ) {
    super(`too complex: ${step} did not finish within ${limitMs} ms`);
  }
}

/** Checked by long-running domain steps at points where stopping is safe. */
export interface Deadline {
  /** @throws DraftTooComplexError once the deadline has passed. */
  check(step: string): void;
}

/** A deadline that never passes. */
export const NO_DEADLINE: Deadline = { check: () => undefined };

/**
 * A deadline `limitMs` after now on `clock` (milliseconds, monotonic).
 * @default clock `performance.now`
 */
export function deadlineAfter(limitMs: number, clock: () => number = () => performance.now()): Deadline {
  const end = clock() + limitMs;
  return {
    check(step) {
      if (clock() > end) throw new DraftTooComplexError(step, limitMs);
    },
  };
}
