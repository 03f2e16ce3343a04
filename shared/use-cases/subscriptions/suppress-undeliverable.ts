import type { SesEvent } from '../../../events/ses-event';
import type { SubscriberStore } from '../../adapters/subscriber-store';
import { normalizeEmail } from '../../domain/subscriptions/interests';
import { subscriberIdFor } from '../../domain/subscriptions/signed-token';

/** What suppression needs. */
export interface SuppressDependencies {
  readonly store: Pick<SubscriberStore, 'suppress'>;
  readonly secret: () => Promise<string>;
  readonly now: () => Date;
}

/**
 * Suppresses the addresses an SES event reports as undeliverable: every
 * recipient of a permanent bounce or a complaint. Transient bounces and other
 * events (deliveries, opens) change nothing.
 * @returns the suppressed addresses.
 */
export async function suppressUndeliverable(deps: SuppressDependencies, event: SesEvent): Promise<string[]> {
  const addresses =
    event.eventType === 'Bounce' && event.bounce?.bounceType === 'Permanent'
      ? event.bounce.bouncedRecipients.map((r) => r.emailAddress)
      : event.eventType === 'Complaint'
        ? (event.complaint?.complainedRecipients ?? []).map((r) => r.emailAddress)
        : [];
  if (addresses.length === 0) return [];
  const secret = await deps.secret();
  const reason = event.eventType === 'Bounce' ? 'permanent bounce' : 'complaint';
  const suppressed: string[] = [];
  for (const address of addresses) {
    const email = normalizeEmail(address);
    await deps.store.suppress(subscriberIdFor(email, secret), email, reason, deps.now());
    suppressed.push(email);
  }
  return suppressed;
}
