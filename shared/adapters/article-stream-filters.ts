import { HEAD_SORT_KEY, TABLE_KEYS } from '../../events/names';
import { triggerStages } from '../domain/lifecycle';

/** A filter on head items whose new image is at one of the stages that let `event` happen. */
function headEntering(event: Parameters<typeof triggerStages>[0]) {
  return {
    eventName: ['INSERT', 'MODIFY'],
    dynamodb: {
      Keys: { [TABLE_KEYS.sortKey]: { S: [HEAD_SORT_KEY] } },
      NewImage: { stage: { S: [...triggerStages(event)] } },
    },
  };
}

/**
 * Lambda event filter patterns for the article table's stream, in the shape
 * of `FilterCriteria.Filters[].Pattern` (parsed), derived from the lifecycle
 * table: a consumer wakes for the stages its event's guard accepts. The CDK
 * event source mappings and the local stream poller both use these objects.
 */
export const STREAM_FILTERS = {
  /** Render when an article head enters the stage that lets its pages be rendered. */
  renderSite: headEntering('pagesRendered'),
  /** Alert subscribers when an article head enters the stage that lets its alert be claimed. */
  notifySubscribers: headEntering('alertClaimed'),
} as const;

/** Name of a stream consumer. */
export type StreamConsumer = keyof typeof STREAM_FILTERS;
