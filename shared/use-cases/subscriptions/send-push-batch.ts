import type { PushBatch } from '../../../events/alert-payload';
import type { PushSubscriptionStore } from '../../adapters/push-subscription-store';
import type { SendLedger } from '../../adapters/send-ledger';
import type { WebPushSender } from '../../adapters/web-push-sender';
import { deliverBatch, type BatchOutcome } from './deliver-batch';

/** What sending one web-push batch needs. */
export interface SendPushDependencies {
  readonly ledger: SendLedger;
  readonly sender: WebPushSender;
  readonly store: Pick<PushSubscriptionStore, 'remove'>;
  readonly leaseMs?: number;
  readonly now?: () => Date;
}

/**
 * The notification a browser shows (the service worker reads these fields):
 * the headline, the dek or first takeaway, the story's URL and a tag that
 * keeps two stories from collapsing into one.
 */
export function pushPayload(alert: PushBatch['alert']): string {
  const body = alert.dek ?? alert.takeaways[0] ?? '';
  return JSON.stringify({
    title: alert.breaking ? `Breaking: ${alert.title}` : alert.title,
    body: body.length > 178 ? `${body.slice(0, 177)}…` : body,
    url: alert.url,
    tag: alert.alertId,
  });
}

/**
 * Delivers one (alert, browser batch) at most once per subscription (see
 * `deliverBatch`). A subscription the push service answers 404 or 410 for is
 * removed; a refusal is recorded as `not-sent`, no answer as `uncertain`.
 */
export async function sendPushBatch(deps: SendPushDependencies, batch: PushBatch): Promise<BatchOutcome> {
  const payload = pushPayload(batch.alert);
  const recipients = batch.recipients.map((r) => ({ ...r, address: r.endpoint }));
  return deliverBatch(
    { ledger: deps.ledger, leaseMs: deps.leaseMs, now: deps.now },
    { alertId: batch.alert.alertId, batchId: batch.batchId },
    recipients,
    async (recipient) => {
      const { result, detail } = await deps.sender.send(recipient, payload);
      if (result === 'delivered') return undefined;
      if (result === 'gone') {
        await deps.store.remove(recipient.id);
        return undefined;
      }
      return {
        recipient: recipient.id,
        address: recipient.endpoint,
        outcome: result === 'uncertain' ? 'uncertain' : 'not-sent',
        reason: (detail ?? '').slice(0, 300),
      };
    },
  );
}
