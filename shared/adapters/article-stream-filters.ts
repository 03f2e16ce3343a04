import { HEAD_SORT_KEY, TABLE_KEYS } from '../../events/names';
import { triggerStages } from '../domain/lifecycle';

/**
 * A filter on head items whose new image is at one of the stages that let `event` happen, of breaking-news
 * articles or of the others (every head carries `breaking`, false unless the draft said true).
 */
function headEntering(event: Parameters<typeof triggerStages>[0], breaking: boolean) {
  return {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { [TABLE_KEYS.sortKey]: { S: [HEAD_SORT_KEY] } },
      NewImage: { stage: { S: [...triggerStages(event)] }, breaking: { BOOL: [breaking] } },
    },
  };
}

/**
 * Lambda event filter patterns for the article table's stream, in the shape
 * of `FilterCriteria.Filters[].Pattern` (parsed), derived from the lifecycle
 * table: a consumer wakes for the stages its event's guard accepts. The CDK
 * event source mappings and the local stream poller both use these objects.
 *
 * Each consumer has two mappings, and so two iterators over the stream: one
 * for breaking-news heads (the priority lane) and one for the rest, so a
 * breaking article never waits behind a burst's records; a head matches
 * exactly one of the two, so no two invocations work on one head at once.
 */
export const STREAM_FILTERS = {
  /** Render when an article head (not breaking news) enters the stage that lets its pages be rendered. */
  renderSite: headEntering('pagesRendered', false),
  /** Alert subscribers when an article head (not breaking news) enters the stage that lets its alert be claimed. */
  notifySubscribers: headEntering('alertClaimed', false),
  /** `renderSite` for breaking-news heads: the render stage's priority lane. */
  renderBreaking: headEntering('pagesRendered', true),
  /** `notifySubscribers` for breaking-news heads: the alert stage's priority lane. */
  notifyBreaking: headEntering('alertClaimed', true),
} as const;

/** Name of a stream consumer's filter. */
export type StreamConsumer = keyof typeof STREAM_FILTERS;

/**
 * Records per invocation of each mapping (the CDK `batchSize`; the local poller delivers the same). Render takes
 * large batches: the pages a batch changes (home, sections, feeds) are rendered once per batch, so a burst costs
 * few renders. Notify sends a batch's alerts side by side, and a mapping runs one batch of a shard at a time, so a
 * burst's alerts go out in one or two invocations, not ten one after another. A breaking head is seldom with others
 * and goes at once.
 */
export const STREAM_BATCH_SIZES: Readonly<Record<StreamConsumer, number>> = {
  renderSite: 100,
  notifySubscribers: 100,
  renderBreaking: 10,
  notifyBreaking: 10,
};
