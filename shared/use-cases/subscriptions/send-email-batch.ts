import { randomUUID } from 'node:crypto';
import type { EmailBatch } from '../../../events/alert-payload';
import { EmailSendError, type EmailSender } from '../../adapters/email-sender';
import type { SendFailure, SendLedger } from '../../adapters/send-ledger';
import { renderAlertEmail } from '../../domain/subscriptions/emails';
import { recipientLinks } from './recipient-links';

/** What sending one batch needs. */
export interface SendBatchDependencies {
  readonly ledger: SendLedger;
  readonly sender: EmailSender;
  readonly secret: () => Promise<string>;
  readonly siteUrl: string;
  readonly publication: string;
  /** Emails per second this sender may send. */
  readonly ratePerSecond: number;
  /** How long a claim holds before another sender may take the batch over. @default 60 s */
  readonly leaseMs?: number;
  /** Throttled sends are tried this many times before the recipient is recorded as not sent. @default 5 */
  readonly throttleAttempts?: number;
  readonly now?: () => Date;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** The outcome of one batch delivery. */
export type BatchOutcome =
  | { readonly status: 'sent'; readonly sent: number; readonly failures: readonly SendFailure[] }
  | { readonly status: 'duplicate' };

/** Another sender holds the batch's lease: the message should come back later. */
export class BatchBusyError extends Error {
  override readonly name = 'BatchBusyError';
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one (alert, recipient batch) at most once per recipient. The batch is
 * claimed with a conditional write; before each send the ledger's cursor moves
 * past that recipient, so a sender that crashes or times out and is replaced
 * never sends to the same recipient twice: the recipient whose send was under
 * way is recorded as `uncertain` instead. SES refusals and exhausted throttling
 * are recorded as `not-sent`. Failures are kept on the batch record, where
 * `newsroom` lists them for a replay.
 *
 * @throws BatchBusyError when another sender holds a live lease (retry later)
 */
export async function sendEmailBatch(deps: SendBatchDependencies, batch: EmailBatch): Promise<BatchOutcome> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const leaseMs = deps.leaseMs ?? 60_000;
  const owner = randomUUID();
  const { alertId } = batch.alert;
  const lease = () => new Date(now().getTime() + leaseMs);
  const claim = await deps.ledger.claim(alertId, batch.batchId, owner, lease(), now());
  if (claim.state === 'done') return { status: 'duplicate' };
  if (claim.state === 'busy') throw new BatchBusyError(`Batch ${alertId}/${batch.batchId} is being sent by another sender`);

  const failures: SendFailure[] = [];
  const start = claim.record.cursor;
  const interrupted = batch.recipients[start - 1];
  if (interrupted && !claim.record.failures.some((f) => f.recipient === interrupted.id)) {
    failures.push({ recipient: interrupted.id, email: interrupted.email, outcome: 'uncertain', reason: 'the previous sender stopped while sending' });
    await deps.ledger.fail(alertId, batch.batchId, owner, failures.slice(-1));
  }
  const secret = await deps.secret();
  const interval = 1000 / deps.ratePerSecond;
  let nextAt = 0;
  let sent = 0;
  for (let i = start; i < batch.recipients.length; i++) {
    const recipient = batch.recipients[i]!;
    await deps.ledger.advance(alertId, batch.batchId, owner, i, lease());
    const email = renderAlertEmail(batch.alert, recipient.email, recipientLinks(deps.siteUrl, recipient.id, secret, now()), deps.publication);
    const failure = await sendPaced(email);
    if (failure) {
      failures.push(failure);
      await deps.ledger.fail(alertId, batch.batchId, owner, [failure]);
    } else sent++;

    async function sendPaced(message: typeof email): Promise<SendFailure | undefined> {
      const attempts = deps.throttleAttempts ?? 5;
      for (let attempt = 1; ; attempt++) {
        const wait = nextAt - now().getTime();
        if (wait > 0) await sleep(wait);
        nextAt = Math.max(nextAt, now().getTime()) + interval;
        try {
          await deps.sender.send(message);
          return undefined;
        } catch (error) {
          if (!(error instanceof EmailSendError)) throw error;
          if (error.kind === 'throttled' && attempt < attempts) {
            nextAt += interval * 2 ** attempt;
            continue;
          }
          const outcome = error.kind === 'uncertain' ? 'uncertain' : 'not-sent';
          return { recipient: recipient!.id, email: recipient!.email, outcome, reason: error.message.slice(0, 300) };
        }
      }
    }
  }
  await deps.ledger.finish(alertId, batch.batchId, owner);
  return { status: 'sent', sent, failures };
}
