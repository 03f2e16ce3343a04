import { HEAD_SORT_KEY, STAGES, TABLE_KEYS } from './names';

/**
 * Lambda event filter patterns for the article table's stream, in the shape
 * of `FilterCriteria.Filters[].Pattern` (parsed). The CDK event source
 * mappings and the local stream poller both use these objects.
 */
export const STREAM_FILTERS = {
  /** Render when an article head enters the render stage. */
  renderSite: {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { [TABLE_KEYS.sortKey]: { S: [HEAD_SORT_KEY] } },
      NewImage: { stage: { S: [STAGES.render] } },
    },
  },
  /** Alert subscribers when a rendered article head enters the notify stage. */
  notifySubscribers: {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { [TABLE_KEYS.sortKey]: { S: [HEAD_SORT_KEY] } },
      NewImage: { stage: { S: [STAGES.notify] } },
    },
  },
} as const;

/** Name of a stream consumer. */
export type StreamConsumer = keyof typeof STREAM_FILTERS;
