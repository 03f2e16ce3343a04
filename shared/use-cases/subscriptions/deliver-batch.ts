import { randomUUID } from 'node:crypto';
import type { SendFailure, SendLedger } from '../../adapters/send-ledger';

/** One recipient of a batch: an id and the address (email or push endpoint) failures name. */
export interface BatchRecipient {
  readonly id: string;
  readonly address: string;
}

/** The outcome of one batch delivery. */
export type BatchOutcome =
  | { readonly status: 'sent'; readonly sent: number; readonly failures: readonly SendFailure[] }
  | { readonly status: 'duplicate' };

/** Another sender holds the batch's lease: the message should come back later. */
export class BatchBusyError extends Error {
  override readonly name = 'BatchBusyError';
}

/** Options of {@link deliverBatch}. */
export interface DeliverBatchOptions {
  readonly ledger: SendLedger;
  /** How long a claim holds before another sender may take the batch over. @default 60 s */
  readonly leaseMs?: number;
  readonly now?: () => Date;
}

/**
 * Delivers one (alert, recipient batch) at most once per recipient. The batch
 * is claimed with a conditional write; before each delivery the ledger's
 * cursor moves past that recipient, so a sender that crashes or times out and
 * is replaced never delivers to the same recipient twice: the recipient whose
 * delivery was under way is recorded as `uncertain` instead. `deliver` answers
 * a failure to record, or undefined when done; failures stay on the batch
 * record, where `newsroom` lists them for a replay.
 *
 * @throws BatchBusyError when another sender holds a live lease (retry later)
 */
export async function deliverBatch<R extends BatchRecipient>(
  options: DeliverBatchOptions,
  ids: { readonly alertId: string; readonly batchId: string },
  recipients: readonly R[],
  deliver: (recipient: R) => Promise<SendFailure | undefined>,
): Promise<BatchOutcome> {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 60_000;
  const { ledger } = options;
  const { alertId, batchId } = ids;
  const owner = randomUUID();
  const lease = () => new Date(now().getTime() + leaseMs);
  const claim = await ledger.claim(alertId, batchId, owner, lease(), now());
  if (claim.state === 'done') return { status: 'duplicate' };
  if (claim.state === 'busy') throw new BatchBusyError(`Batch ${alertId}/${batchId} is being sent by another sender`);

  const failures: SendFailure[] = [];
  const start = claim.record.cursor;
  const interrupted = recipients[start - 1];
  if (interrupted && !claim.record.failures.some((f) => f.recipient === interrupted.id)) {
    const failure: SendFailure = {
      recipient: interrupted.id,
      address: interrupted.address,
      outcome: 'uncertain',
      reason: 'the previous sender stopped while sending',
    };
    failures.push(failure);
    await ledger.fail(alertId, batchId, owner, [failure]);
  }
  let sent = 0;
  for (let i = start; i < recipients.length; i++) {
    const recipient = recipients[i]!;
    await ledger.advance(alertId, batchId, owner, i, lease());
    const failure = await deliver(recipient);
    if (failure) {
      failures.push(failure);
      await ledger.fail(alertId, batchId, owner, [failure]);
    } else sent++;
  }
  await ledger.finish(alertId, batchId, owner);
  return { status: 'sent', sent, failures };
}
