/** The two lanes drafts are ingested through: breaking news first, everything else in bulk. */
export type DraftLane = 'priority' | 'bulk';

/** Hands intake messages on to the queue of their lane. */
export interface DraftLanes {
  /** Sends each message body, unchanged, to the lane's queue; throws if any was refused. */
  send(lane: DraftLane, bodies: readonly string[]): Promise<void>;
}
