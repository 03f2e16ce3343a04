import { createHash } from 'node:crypto';
import type { AlertPayload, EmailBatch } from '../../../events/alert-payload';
import { EMAIL_BATCH_SIZE } from '../../../events/subscriber-names';
import type { BatchQueue } from '../../adapters/batch-queue';
import type { Recipient, SubscriberStore } from '../../adapters/subscriber-store';
import { alertInterestKeys } from '../../domain/subscriptions/interests';

/** What planning an alert's emails needs. */
export interface PlanDependencies {
  readonly store: Pick<SubscriberStore, 'pageInterest'>;
  readonly queue: BatchQueue;
  /** @default EMAIL_BATCH_SIZE */
  readonly batchSize?: number;
}

/** Batches are queued this many at a time, so memory stays bounded by the de-duplication set. */
const QUEUE_CHUNK = 20;

/** The batch id: a hash of the recipients in order, so re-planning the same audience yields the same batches. */
export function batchIdFor(recipients: readonly Recipient[]): string {
  const hash = createHash('sha256');
  for (const recipient of recipients) hash.update(`${recipient.id}\n`);
  return hash.digest('base64url').slice(0, 32);
}

/**
 * Pages through the interest partitions an alert matches (its section, each
 * tag, everyone, and the breaking-only ones for breaking news), counts each
 * reader once, and queues the recipients in batches. Planning again (a
 * redelivered alert) queues the same batches, which the send ledger skips.
 * @returns the number of recipients and batches queued.
 */
export async function planAlertEmails(deps: PlanDependencies, alert: AlertPayload): Promise<{ recipients: number; batches: number }> {
  const size = deps.batchSize ?? EMAIL_BATCH_SIZE;
  const seen = new Set<string>();
  let batch: Recipient[] = [];
  let pending: string[] = [];
  let batches = 0;
  const flushBatch = async () => {
    if (batch.length === 0) return;
    const message: EmailBatch = { alert, batchId: batchIdFor(batch), recipients: batch };
    pending.push(JSON.stringify(message));
    batch = [];
    batches++;
    if (pending.length >= QUEUE_CHUNK) {
      await deps.queue.sendAll(pending);
      pending = [];
    }
  };
  for (const key of alertInterestKeys(alert)) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await deps.store.pageInterest(key, cursor);
      for (const recipient of page.recipients) {
        if (seen.has(recipient.id)) continue;
        seen.add(recipient.id);
        batch.push(recipient);
        if (batch.length >= size) await flushBatch();
      }
      cursor = page.next;
    } while (cursor);
  }
  await flushBatch();
  if (pending.length > 0) await deps.queue.sendAll(pending);
  return { recipients: seen.size, batches };
}
