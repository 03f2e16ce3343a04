import { isDraftKey, MAX_DRAFT_BYTES } from '../../events/names';
import { declaresBreaking } from '../domain/draft/breaking-flag';
import type { DraftBucket } from '../ports/draft-bucket';
import type { DraftLane, DraftLanes } from '../ports/draft-lanes';
import type { DraftEvent } from './ingest-draft';

/** What triage needs. */
export interface TriageDependencies {
  readonly drafts: DraftBucket;
  readonly lanes: DraftLanes;
}

/** One intake message: its body (passed on unchanged) and the draft events it carries. */
export interface IntakeMessage {
  readonly id: string;
  readonly body: string;
  readonly events: readonly DraftEvent[];
}

/** Where each message went, and the ids of those that could not be triaged (to be retried). */
export interface TriageResult {
  readonly lanes: ReadonlyMap<string, DraftLane>;
  readonly failed: readonly string[];
}

/**
 * Picks each intake message's lane and sends it there: an upload of a draft
 * that declares `breaking: true` goes to the priority lane the moment it is
 * read (never waiting for the rest of the batch), everything else, in one batch, (ordinary drafts, deletions, previews, keys that are
 * not drafts) to the bulk lane. A draft that cannot be read fails only its
 * message; a queue that refuses a batch throws (the whole batch is retried,
 * and ingest absorbs a draft delivered twice as `unchanged`).
 */
export async function triageDrafts(deps: TriageDependencies, messages: readonly IntakeMessage[]): Promise<TriageResult> {
  const lanes = new Map<string, DraftLane>();
  const failed: string[] = [];
  await Promise.all(
    messages.map(async (message) => {
      let breaking: boolean;
      try {
        breaking = await anyBreaking(deps.drafts, message.events);
      } catch {
        failed.push(message.id);
        return;
      }
      lanes.set(message.id, breaking ? 'priority' : 'bulk');
      if (breaking) await deps.lanes.send('priority', [message.body]);
    }),
  );
  await deps.lanes.send(
    'bulk',
    messages.filter((message) => lanes.get(message.id) === 'bulk').map((message) => message.body),
  );
  return { lanes, failed };
}

async function anyBreaking(drafts: DraftBucket, events: readonly DraftEvent[]): Promise<boolean> {
  for (const event of events) {
    if (event.removed || !isDraftKey(event.key)) continue;
    const read = await drafts.read(event.key, MAX_DRAFT_BYTES);
    if (read.kind === 'read' && (await declaresBreaking(event.key, read.bytes))) return true;
  }
  return false;
}
