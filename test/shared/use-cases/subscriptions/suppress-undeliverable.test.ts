import { describe, expect, it } from 'vitest';
import { sesEventSchema } from '../../../../events/ses-event';
import { subscriberIdFor } from '../../../../shared/domain/subscriptions/signed-token';
import { suppressUndeliverable } from '../../../../shared/use-cases/subscriptions/suppress-undeliverable';
import { subscriberStore } from '../../../support/readers';

const SECRET = 'x'.repeat(40);
const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

async function activeReader(email: string) {
  const store = subscriberStore();
  const id = subscriberIdFor(email, SECRET);
  await store.upsertPending({ id, email, sections: ['World'], tags: [], breakingOnly: false }, new Date());
  await store.activate(id, new Date());
  return id;
}

const deps = () => ({ store: subscriberStore(), secret: async () => SECRET, now: () => new Date() });

describe('SES bounce and complaint events', () => {
  it('suppresses a permanently bounced address and takes it off every interest partition', async () => {
    const email = unique('bounced');
    const id = await activeReader(email);
    const event = sesEventSchema.parse({
      eventType: 'Bounce',
      bounce: { bounceType: 'Permanent', bouncedRecipients: [{ emailAddress: email.toUpperCase() }] },
    });
    expect(await suppressUndeliverable(deps(), event)).toEqual([email]);
    expect(await subscriberStore().get(id)).toMatchObject({ status: 'suppressed', suppressedReason: 'permanent bounce' });
    const page = await subscriberStore().pageInterest('SECTION#world');
    expect(page.recipients.map((r) => r.id)).not.toContain(id);
  });

  it('suppresses a complaining address', async () => {
    const email = unique('complained');
    const id = await activeReader(email);
    await suppressUndeliverable(
      deps(),
      sesEventSchema.parse({ eventType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: email }] } }),
    );
    expect((await subscriberStore().get(id))?.status).toBe('suppressed');
  });

  it('leaves a reader alone after a transient bounce', async () => {
    const email = unique('transient');
    const id = await activeReader(email);
    const event = sesEventSchema.parse({ eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: email }] } });
    expect(await suppressUndeliverable(deps(), event)).toEqual([]);
    expect((await subscriberStore().get(id))?.status).toBe('active');
  });
});
