import type { DraftContent, TakeawaysSource } from '../domain/article';
import { deadlineAfter } from '../domain/deadline';
import { generateTakeaways } from '../domain/takeaways';
import { checkGrounded } from '../domain/takeaways/grounding';
import type { TakeawayProvider } from '../ports/takeaway-provider';

/** The extractive method (`generateTakeaways`) as a provider: offline, deterministic, never fails. */
export const extractiveTakeawayProvider: TakeawayProvider = {
  name: 'extractive',
  generate: async (input) => generateTakeaways(input),
};

/** How long {@link chooseTakeaways} waits for a provider by default, in milliseconds. */
export const DEFAULT_TAKEAWAYS_TIMEOUT_MS = 8_000;

/** What {@link chooseTakeaways} needs. */
export interface ChooseTakeawaysInput {
  readonly draft: Pick<DraftContent, 'title' | 'dek' | 'body' | 'language' | 'takeaways'>;
  /** The configured provider; absent means the extractive method. */
  readonly provider?: TakeawayProvider;
  /** How long to wait for the provider. @default DEFAULT_TAKEAWAYS_TIMEOUT_MS */
  readonly timeoutMs?: number;
  /**
   * Longest the extractive method may run, from its own start (not the provider's wait);
   * past it, `DraftTooComplexError` is thrown. @default none
   */
  readonly deadlineMs?: number;
}

/** The takeaways an article gets, who produced them, and why a configured provider was not used. */
export interface TakeawayChoice {
  readonly takeaways: readonly string[];
  readonly source: TakeawaysSource;
  /** Set when the provider failed, timed out or wrote takeaways not grounded in the article. */
  readonly fallbackReason?: string;
}

/**
 * Picks an article's takeaways: the editor's always win; otherwise the configured provider's,
 * if it answers within `timeoutMs` and its list passes `checkGrounded` (every number and name
 * in the article, 3–5 one-sentence items); otherwise the extractive method's, with
 * `fallbackReason` saying why. Never rejects because of the provider.
 */
export async function chooseTakeaways(input: ChooseTakeawaysInput): Promise<TakeawayChoice> {
  const { draft, provider } = input;
  if (draft.takeaways) return { takeaways: draft.takeaways, source: 'editor' };
  const extractive = (fallbackReason?: string): TakeawayChoice => ({
    takeaways: generateTakeaways(draft, { deadline: input.deadlineMs === undefined ? undefined : deadlineAfter(input.deadlineMs) }),
    source: 'extractive',
    ...(fallbackReason ? { fallbackReason } : {}),
  });
  if (!provider || provider.name === 'extractive') return extractive();

  const timeoutMs = input.timeoutMs ?? DEFAULT_TAKEAWAYS_TIMEOUT_MS;
  const outcome = await withTimeout((signal) => provider.generate(draft, { signal }), timeoutMs);
  if (outcome.kind === 'timeout') return extractive(`The ${provider.name} provider gave no answer within ${timeoutMs} ms.`);
  if (outcome.kind === 'error') {
    return extractive(`The ${provider.name} provider failed: ${errorMessage(outcome.error)}`);
  }
  const grounding = checkGrounded(outcome.value, draft);
  if (!grounding.ok) {
    return extractive(`The ${provider.name} provider's takeaways failed the check: ${grounding.problems.join(' ')}`);
  }
  return { takeaways: outcome.value.map((t) => t.trim()), source: provider.name };
}

type Outcome<T> = { kind: 'value'; value: T } | { kind: 'error'; error: unknown } | { kind: 'timeout' };

/** Runs `task`, aborting its signal after `timeoutMs`; does not wait for a task that ignores the signal. */
async function withTimeout<T>(task: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<Outcome<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve({ kind: 'timeout' });
    }, timeoutMs);
  });
  const settled = Promise.resolve()
    .then(() => task(controller.signal))
    .then(
      (value): Outcome<T> => ({ kind: 'value', value }),
      (error: unknown): Outcome<T> => ({ kind: 'error', error }),
    );
  try {
    return await Promise.race([settled, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
