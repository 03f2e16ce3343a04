import type { TakeawaysSource } from '../domain/article';
import type { TakeawayInput } from '../domain/takeaways';

/** What a provider is given besides the article. */
export interface TakeawayRequest {
  /** Aborted when the caller stops waiting (timeout); pass it to any network call. */
  readonly signal: AbortSignal;
}

/** A method of writing an article's Key Takeaways when its editor wrote none. */
export interface TakeawayProvider {
  /** Recorded on the article as its `takeawaysSource` when this provider's list is used. */
  readonly name: Exclude<TakeawaysSource, 'editor'>;
  /** Resolves to the takeaways, or rejects; the list is checked by {@link chooseTakeaways}, not trusted. */
  generate(input: TakeawayInput, request: TakeawayRequest): Promise<string[]>;
}
