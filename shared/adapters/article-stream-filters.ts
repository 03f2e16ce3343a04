import { HEAD_SORT_KEY, TABLE_KEYS } from '../../events/names';
import { triggerStages } from '../domain/lifecycle';

/** The function that consumes the article table's stream (its log and metrics service name, its folder under `functions/`). */
export const STREAM_CONSUMER_NAME = 'stream-consumer';

/** Stages at which a head wakes the stream consumer: those that let its pages be rendered, or its alert be claimed. */
const CONSUMED_STAGES = [...triggerStages('pagesRendered'), ...triggerStages('alertClaimed')];

/**
 * A filter on head items whose new image is at one of the stages the stream consumer works on, of breaking-news
 * articles or of the others (every head carries `breaking`, false unless the draft said true).
 */
function headEntering(breaking: boolean) {
  return {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { [TABLE_KEYS.sortKey]: { S: [HEAD_SORT_KEY] } },
      NewImage: { stage: { S: CONSUMED_STAGES }, breaking: { BOOL: [breaking] } },
    },
  };
}

/**
 * Lambda event filter patterns of the article table stream's event source mappings, in the shape of
 * `FilterCriteria.Filters[].Pattern` (parsed), derived from the lifecycle table. The CDK mappings and the local
 * stream poller both use these objects.
 *
 * The stream has one consumer function and two mappings, so two readers of each shard: AWS allows no more (the
 * DynamoDB Streams API answers `LimitExceededException` when "more than 2 processes are reading from the same
 * streams shard at the same time"; Lambda's guide recommends at most two functions per single-Region
 * table's stream). The two mappings are two lanes: breaking-news heads (the priority lane) and the rest, so a
 * breaking article never waits behind a burst's records; a head matches exactly one of the two, so no two
 * invocations work on one head at once. Each lane carries both the render and the alert stage: the consumer
 * routes each record by its stage.
 */
export const STREAM_FILTERS = {
  /** Heads (not breaking news) entering the render or the alert stage. */
  bulk: headEntering(false),
  /** Breaking-news heads entering the render or the alert stage: the priority lane. */
  breaking: headEntering(true),
} as const;

/** Name of an event source mapping (a lane) of the article stream. */
export type StreamMapping = keyof typeof STREAM_FILTERS;

/**
 * Records per invocation of each mapping (the CDK `batchSize`; the local poller delivers the same). The bulk lane
 * takes large batches: the pages a batch changes (home, sections, feeds) are rendered once per batch, and a batch's
 * alerts are sent side by side, so a burst costs few invocations, and a mapping runs one batch of a shard at a time.
 * A breaking head is seldom with others and goes at once.
 */
export const STREAM_BATCH_SIZES: Readonly<Record<StreamMapping, number>> = {
  bulk: 100,
  breaking: 10,
};
