import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { EmailBatch } from '../../../../events/alert-payload';
import { createSesEmailSender, EmailSendError, type EmailSender } from '../../../../shared/adapters/email-sender';
import { createSendLedger } from '../../../../shared/adapters/send-ledger';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../../infra/local/local-credentials';
import { BatchBusyError, sendEmailBatch, type SendBatchDependencies } from '../../../../shared/use-cases/subscriptions/send-email-batch';
import { dynamoDbClient } from '../../../support/aws-env';
import { endpoints, readMail } from '../../../support/local-stack-client';

/** A process crash: not an SES answer, so the sender stops where it is. */
class CrashError extends Error {}

const ses = () =>
  createSesEmailSender({
    client: new SESv2Client({ endpoint: endpoints().mail, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    from: 'Test <alerts@newsroom.example>',
  });
const ledger = () => createSendLedger({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().subscriberTableName });

function batchOf(size: number): EmailBatch {
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return {
    alert: {
      alertId: `fault-${run}#1`,
      title: `Fault test ${run}`,
      takeaways: ['One.'],
      url: 'http://localhost/articles/x/',
      section: 'World',
      tags: [],
      breaking: false,
      language: 'en',
    },
    batchId: 'b1',
    recipients: Array.from({ length: size }, (_, i) => ({ id: `r${i}`, email: `fault-${run}-${i}@example.com` })),
  };
}

function deps(sender: EmailSender, clock: { now: number }): SendBatchDependencies {
  return {
    ledger: ledger(),
    sender,
    secret: async () => 's'.repeat(40),
    siteUrl: 'http://localhost',
    publication: 'Test',
    ratePerSecond: 1000,
    leaseMs: 1000,
    now: () => new Date(clock.now),
  };
}

/** Copies received per recipient of the batch, from the local SES store. */
async function received(batch: EmailBatch): Promise<Map<string, number>> {
  const counts = new Map(batch.recipients.map((r) => [r.email, 0]));
  for (const mail of await readMail()) for (const to of mail.to) if (counts.has(to)) counts.set(to, (counts.get(to) ?? 0) + 1);
  return counts;
}

describe('sending one email batch under faults', () => {
  it('sends each recipient once, and a redelivered batch sends nothing', async () => {
    const batch = batchOf(5);
    const clock = { now: Date.now() };
    expect(await sendEmailBatch(deps(ses(), clock), batch)).toMatchObject({ status: 'sent', sent: 5, failures: [] });
    expect(await sendEmailBatch(deps(ses(), clock), batch)).toEqual({ status: 'duplicate' });
    expect([...(await received(batch)).values()]).toEqual([1, 1, 1, 1, 1]);
  });

  it('refuses a second sender while the first holds the lease', async () => {
    const batch = batchOf(2);
    const clock = { now: Date.now() };
    // Each send waits until the test lets it through; waiting on the count of sends started, not on a fixed order.
    const waiting: Array<() => void> = [];
    const slow: EmailSender = { send: (email) => new Promise((resolve) => waiting.push(() => resolve(ses().send(email)))) };
    const first = sendEmailBatch(deps(slow, clock), batch);
    await expect.poll(() => waiting.length).toBe(1);
    await expect(sendEmailBatch(deps(ses(), clock), batch)).rejects.toThrow(BatchBusyError);
    waiting[0]!();
    await expect.poll(() => waiting.length).toBe(2);
    waiting[1]!();
    await first;
    expect([...(await received(batch)).values()]).toEqual([1, 1]);
  });

  it('records a send that timed out after SES accepted it as uncertain and does not send it again', async () => {
    const batch = batchOf(4);
    const clock = { now: Date.now() };
    const real = ses();
    let calls = 0;
    const timesOut: EmailSender = {
      async send(email) {
        const id = await real.send(email);
        if (++calls === 2) throw new EmailSendError('uncertain', 'TimeoutError: socket hang up');
        return id;
      },
    };
    const outcome = await sendEmailBatch(deps(timesOut, clock), batch);
    expect(outcome).toMatchObject({ status: 'sent', sent: 3, failures: [{ recipient: 'r1', outcome: 'uncertain' }] });
    expect(await sendEmailBatch(deps(real, clock), batch)).toEqual({ status: 'duplicate' });
    expect([...(await received(batch)).values()]).toEqual([1, 1, 1, 1]);
    expect((await ledger().failed()).find((r) => r.alertId === batch.alert.alertId)?.failures).toHaveLength(1);
  });

  it('after a crash between steps, a later sender finishes the batch without a duplicate and reports the one it cannot know', async () => {
    for (const crashAfterAccept of [true, false]) {
      const batch = batchOf(6);
      const clock = { now: Date.now() };
      const real = ses();
      let calls = 0;
      const crashes: EmailSender = {
        async send(email) {
          calls++;
          if (calls === 3 && !crashAfterAccept) throw new CrashError('crashed before calling SES');
          const id = await real.send(email);
          if (calls === 3) throw new CrashError('crashed after SES accepted');
          return id;
        },
      };
      await expect(sendEmailBatch(deps(crashes, clock), batch)).rejects.toThrow(CrashError);
      // The redelivered message arrives after the crashed sender's lease ran out.
      clock.now += 5_000;
      const outcome = await sendEmailBatch(deps(real, clock), batch);
      expect(outcome).toMatchObject({ status: 'sent', sent: 3, failures: [{ recipient: 'r2', outcome: 'uncertain' }] });
      const counts = [...(await received(batch)).values()];
      expect(counts.filter((n) => n > 1)).toEqual([]);
      // Every recipient either got exactly one email or is reported: no silent loss.
      expect(counts.map((n, i) => n === 1 || i === 2)).toEqual(Array(6).fill(true));
      expect(counts[2]).toBe(crashAfterAccept ? 1 : 0);
    }
  });

  it('records an address SES refuses as not sent and goes on with the rest', async () => {
    const batch = batchOf(3);
    const clock = { now: Date.now() };
    const real = ses();
    const refuses: EmailSender = {
      send: (email) =>
        email.to === batch.recipients[0]?.email
          ? Promise.reject(new EmailSendError('rejected', 'MessageRejected: Email address is not verified.'))
          : real.send(email),
    };
    const outcome = await sendEmailBatch(deps(refuses, clock), batch);
    expect(outcome).toMatchObject({ status: 'sent', sent: 2, failures: [{ recipient: 'r0', outcome: 'not-sent' }] });
    expect([...(await received(batch)).values()]).toEqual([0, 1, 1]);
  });
});
