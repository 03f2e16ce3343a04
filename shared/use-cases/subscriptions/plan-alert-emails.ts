import { createHash } from 'node:crypto';
import type { AlertPayload, EmailBatch, PushBatch } from '../../../events/alert-payload';
import { EMAIL_BATCH_SIZE } from '../../../events/subscriber-names';
import type { BatchQueue } from '../../adapters/batch-queue';
import type { PushSubscriber, PushSubscriptionStore } from '../../adapters/push-subscription-store';
import type { Recipient, SubscriberStore } from '../../adapters/subscriber-store';
import { alertInterestKeys } from '../../domain/subscriptions/interests';

/** What planning an alert's emails needs. */
export interface PlanDependencies {
  readonly store: Pick<SubscriberStore, 'pageInterest'>;
  /** Browser subscriptions; without it only emails are planned. */
  readonly pushStore?: Pick<PushSubscriptionStore, 'pageInterest'>;
  readonly queue: BatchQueue;
  /** @default EMAIL_BATCH_SIZE */
  readonly batchSize?: number;
}

/** Batches are queued this many at a time, so memory stays bounded by the de-duplication set. */
const QUEUE_CHUNK = 20;

/** The batch id: a hash of the recipients in order, so re-planning the same audience yields the same batches. */
export function batchIdFor(recipients: ReadonlyArray<{ readonly id: string }>): string {
  const hash = createHash('sha256');
  for (const recipient of recipients) hash.update(`${recipient.id}\n`);
  return hash.digest('base64url').slice(0, 32);
}

/**
 * Pages through the interest partitions an alert matches (its section, each
 * tag, everyone, and the breaking-only ones for breaking news), counts each
 * reader once per channel, and queues email and web-push batches. Planning
 * again (a redelivered alert) queues the same batches, which the send ledger
 * skips.
 * @returns the recipients and batches queued.
 */
export async function planAlertEmails(
  deps: PlanDependencies,
  alert: AlertPayload,
): Promise<{ recipients: number; batches: number; pushRecipients: number; pushBatches: number }> {
  const size = deps.batchSize ?? EMAIL_BATCH_SIZE;
  let pending: string[] = [];
  const enqueue = async (body: string) => {
    pending.push(body);
    if (pending.length >= QUEUE_CHUNK) {
      await deps.queue.sendAll(pending);
      pending = [];
    }
  };
  const email = await planChannel<Recipient>(
    (key, cursor) => deps.store.pageInterest(key, cursor),
    alert,
    size,
    (recipients) => enqueue(JSON.stringify({ alert, batchId: batchIdFor(recipients), recipients } satisfies EmailBatch)),
  );
  const pushStore = deps.pushStore;
  const push = pushStore
    ? await planChannel<PushSubscriber>(
        (key, cursor) => pushStore.pageInterest(key, cursor),
        alert,
        size,
        (subs) =>
          enqueue(
            JSON.stringify({
              kind: 'push',
              alert,
              batchId: `push-${batchIdFor(subs)}`,
              recipients: subs.map(({ id, endpoint, p256dh, auth }) => ({ id, endpoint, p256dh, auth })),
            } satisfies PushBatch),
          ),
      )
    : { recipients: 0, batches: 0 };
  if (pending.length > 0) await deps.queue.sendAll(pending);
  return { recipients: email.recipients, batches: email.batches, pushRecipients: push.recipients, pushBatches: push.batches };
}

type Page<R> = (key: string, cursor?: Record<string, unknown>) => Promise<{ recipients: R[]; next?: Record<string, unknown> }>;

/** Remembers the first page of each partition while it is the whole partition; longer ones are paged for each caller. */
function sharingWholePartitions<R>(page: Page<R>): Page<R> {
  const first = new Map<string, ReturnType<Page<R>>>();
  return (key, cursor) => {
    if (cursor) return page(key, cursor);
    let read = first.get(key);
    if (!read) {
      read = page(key);
      first.set(key, read);
      read.then(
        (found) => found.next && first.delete(key),
        () => first.delete(key),
      );
    }
    return read;
  };
}

/**
 * `deps` whose interest reads are shared by the alerts planned with them: an interest partition that fits one page
 * (every reader of a section, say) is queried once, and its page handed to each alert that asks for it; a longer one
 * is paged afresh for each, so memory stays bounded by a page per partition. For the alerts of one planner
 * invocation, which are planned together: each alert gets the recipients a query at that moment would give it.
 */
export function shareInterestPages(deps: PlanDependencies): PlanDependencies {
  const { store, pushStore } = deps;
  const email = sharingWholePartitions((key, cursor) => store.pageInterest(key, cursor));
  const push = pushStore && sharingWholePartitions((key, cursor) => pushStore.pageInterest(key, cursor));
  return { ...deps, store: { pageInterest: email }, ...(push ? { pushStore: { pageInterest: push } } : {}) };
}

async function planChannel<R extends { readonly id: string }>(
  page: Page<R>,
  alert: AlertPayload,
  size: number,
  emit: (batch: R[]) => Promise<void>,
): Promise<{ recipients: number; batches: number }> {
  const seen = new Set<string>();
  let batch: R[] = [];
  let batches = 0;
  for (const key of alertInterestKeys(alert)) {
    let cursor: Record<string, unknown> | undefined;
    do {
      const found = await page(key, cursor);
      for (const recipient of found.recipients) {
        if (seen.has(recipient.id)) continue;
        seen.add(recipient.id);
        batch.push(recipient);
        if (batch.length >= size) {
          await emit(batch);
          batches++;
          batch = [];
        }
      }
      cursor = found.next;
    } while (cursor);
  }
  if (batch.length > 0) {
    await emit(batch);
    batches++;
  }
  return { recipients: seen.size, batches };
}
