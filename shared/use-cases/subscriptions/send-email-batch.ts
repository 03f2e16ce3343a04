import type { EmailBatch } from '../../../events/alert-payload';
import { EmailSendError, type EmailSender } from '../../adapters/email-sender';
import type { SendFailure, SendLedger } from '../../adapters/send-ledger';
import { renderAlertEmail } from '../../domain/subscriptions/emails';
import { deliverBatch, type BatchOutcome } from './deliver-batch';
import { recipientLinks } from './recipient-links';

export { BatchBusyError } from './deliver-batch';

/** What sending one email batch needs. */
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

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one (alert, recipient batch) of emails at most once per recipient
 * (see `deliverBatch`), paced to `ratePerSecond`. SES refusals and exhausted
 * throttling are recorded as `not-sent`; a timeout or server error, after
 * which SES may have accepted the email, as `uncertain`.
 *
 * @throws BatchBusyError when another sender holds a live lease (retry later)
 */
export async function sendEmailBatch(deps: SendBatchDependencies, batch: EmailBatch): Promise<BatchOutcome> {
  const now = deps.now ?? (() => new Date());
  const sleep = deps.sleep ?? realSleep;
  const attempts = deps.throttleAttempts ?? 5;
  const secret = await deps.secret();
  const interval = 1000 / deps.ratePerSecond;
  let nextAt = 0;
  const recipients = batch.recipients.map((r) => ({ ...r, address: r.email }));
  return deliverBatch(
    { ledger: deps.ledger, leaseMs: deps.leaseMs, now },
    { alertId: batch.alert.alertId, batchId: batch.batchId },
    recipients,
    async (recipient) => {
      const email = renderAlertEmail(batch.alert, recipient.email, recipientLinks(deps.siteUrl, recipient.id, secret, now()), deps.publication);
      for (let attempt = 1; ; attempt++) {
        const wait = nextAt - now().getTime();
        if (wait > 0) await sleep(wait);
        nextAt = Math.max(nextAt, now().getTime()) + interval;
        try {
          await deps.sender.send(email);
          return undefined;
        } catch (error) {
          if (!(error instanceof EmailSendError)) throw error;
          if (error.kind === 'throttled' && attempt < attempts) {
            nextAt += interval * 2 ** attempt;
            continue;
          }
          const failure: SendFailure = {
            recipient: recipient.id,
            address: recipient.email,
            outcome: error.kind === 'uncertain' ? 'uncertain' : 'not-sent',
            reason: error.message.slice(0, 300),
          };
          return failure;
        }
      }
    },
  );
}
