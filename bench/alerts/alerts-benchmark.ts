import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertBatchSchema, type AlertPayload } from '../../events/alert-payload';
import { startDynamoDbLocal } from '../../infra/local/dynamodb-local';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { ensureSubscriberTable } from '../../infra/local/provision-subscribers';
import { startPushService } from '../../infra/local/push/push-service';
import { fetchSentMail } from '../../infra/local/sent-mail';
import { startSesLocal } from '../../infra/local/ses-local';
import { createSesEmailSender, EmailSendError, type EmailSender } from '../../shared/adapters/email-sender';
import { createPushSubscriptionStore } from '../../shared/adapters/push-subscription-store';
import { createSendLedger } from '../../shared/adapters/send-ledger';
import { createSubscriberStore } from '../../shared/adapters/subscriber-store';
import { createWebPushSender } from '../../shared/adapters/web-push-sender';
import { BatchBusyError } from '../../shared/use-cases/subscriptions/deliver-batch';
import { planAlertEmails } from '../../shared/use-cases/subscriptions/plan-alert-emails';
import { sendEmailBatch } from '../../shared/use-cases/subscriptions/send-email-batch';
import { sendPushBatch } from '../../shared/use-cases/subscriptions/send-push-batch';
import webpush from 'web-push';

/** Email readers (`BENCH_READERS` for a reduced run while developing); a tenth as many browsers. */
const EMAIL_READERS = Number(process.env.BENCH_READERS ?? 10_000);
const PUSH_READERS = Math.ceil(EMAIL_READERS / 10);
/** Concurrent senders, as the batch queue's maximum concurrency would run them. */
const SENDERS = 8;
const SECTION = 'World';

class CrashError extends Error {}

/** A small deterministic generator, so a run's faults can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

async function pool<T>(items: readonly T[], size: number, run: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: size }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

/**
 * `npm run bench -- alerts`: one alert to 10,000 email and 1,000 web-push
 * readers on the embedded services (DynamoDB Local, aws-ses-v2-local, the
 * local push service), planner and 8 concurrent senders in process; then the
 * same under injected faults (timeouts after SES accepted, crashes between
 * steps, redelivered batch messages), counting duplicates and unreported losses.
 */
export async function runAlertsBenchmark(): Promise<string> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-alerts-bench-'));
  const { freePort } = await import('../../infra/local/free-port');
  const dynamodb = await startDynamoDbLocal({ dataDir: join(home, 'db'), port: await freePort() });
  const ses = await startSesLocal();
  const push = await startPushService();
  try {
    const raw = new DynamoDBClient({ endpoint: dynamodb.endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const tableName = 'bench-subscribers';
    await ensureSubscriberTable(raw, tableName);
    const store = createSubscriberStore({ client, tableName });
    const pushStore = createPushSubscriptionStore({ client, tableName });
    const ledger = createSendLedger({ client, tableName });
    const vapid = webpush.generateVAPIDKeys();
    const seedStart = performance.now();
    await store.importActive(
      Array.from({ length: EMAIL_READERS }, (_, i) => ({
        id: `reader-${i}`,
        email: `reader-${i}@bench.example`,
        sections: i % 2 ? [SECTION] : [],
        tags: [],
        breakingOnly: false,
      })),
      new Date(),
    );
    console.error(`  … ${EMAIL_READERS} email readers seeded`);
    const browsers = Array.from({ length: PUSH_READERS }, () => push.subscribe(vapid.publicKey));
    await pushStore.importAll(
      browsers.map((b) => ({ endpoint: b.endpoint, p256dh: b.keys.p256dh, auth: b.keys.auth, sections: [SECTION], tags: [], breakingOnly: false })),
    );
    console.error(`  … ${PUSH_READERS} browsers seeded`);
    const seedSeconds = (performance.now() - seedStart) / 1000;

    const sesClient = new SESv2Client({ endpoint: ses.url, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
    const realSender = createSesEmailSender({ client: sesClient, from: 'Bench <alerts@bench.example>' });
    const pushSender = createWebPushSender(async () => ({
      subject: 'mailto:alerts@bench.example',
      publicKey: vapid.publicKey,
      privateKey: vapid.privateKey,
    }));

    const run = async (label: string, faults: boolean) => {
      await fetch(new URL('/clear-store', ses.url), { method: 'POST' });
      const alert: AlertPayload = {
        alertId: `bench-${label}#1`,
        title: `Benchmark alert (${label})`,
        takeaways: ['One.', 'Two.'],
        url: 'https://news.example/articles/bench/',
        section: SECTION,
        tags: [],
        breaking: false,
        language: 'en',
      };
      const rand = random(42);
      const sender: EmailSender = faults
        ? {
            async send(email) {
              const roll = rand();
              if (roll < 0.005) throw new CrashError('crashed before SES');
              const id = await realSender.send(email);
              if (roll < 0.01) throw new CrashError('crashed after SES accepted');
              if (roll < 0.02) throw new EmailSendError('uncertain', 'TimeoutError after SES accepted');
              return id;
            },
          }
        : realSender;
      console.error(`  … run ${label}`);
      const started = performance.now();
      const queue: string[] = [];
      const planned = await planAlertEmails({ store, pushStore, queue: { sendAll: async (bodies) => void queue.push(...bodies) } }, alert);
      const redeliveries = faults ? queue.filter(() => rand() < 0.05) : [];
      const work = [...queue, ...redeliveries];
      let crashes = 0;
      await pool(
        Array.from({ length: SENDERS }, (_, i) => i),
        SENDERS,
        async () => {
          for (let body = work.shift(); body !== undefined; body = work.shift()) {
            const batch = alertBatchSchema.parse(JSON.parse(body));
            try {
              if ('kind' in batch) await sendPushBatch({ ledger, sender: pushSender, store: pushStore, leaseMs: 200 }, batch);
              else
                await sendEmailBatch(
                  {
                    ledger,
                    sender,
                    secret: async () => 'b'.repeat(40),
                    siteUrl: 'https://news.example',
                    publication: 'Bench',
                    ratePerSecond: 1_000_000,
                    leaseMs: 200,
                  },
                  batch,
                );
            } catch (error) {
              if (!(error instanceof CrashError) && !(error instanceof BatchBusyError)) throw error;
              if (error instanceof CrashError) crashes++;
              // The queue redelivers after the visibility timeout, by when the crashed sender's lease has run out.
              await new Promise((resolve) => setTimeout(resolve, 250));
              work.push(body);
            }
          }
        },
      );
      const seconds = (performance.now() - started) / 1000;
      const mail = await fetchSentMail(ses.url);
      const perRecipient = new Map<string, number>();
      for (const m of mail) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
      const reported = new Set((await ledger.batches(alert.alertId)).flatMap((b) => b.failures.map((f) => f.address)));
      const duplicates = [...perRecipient.values()].filter((n) => n > 1).length;
      let unreported = 0;
      for (let i = 0; i < EMAIL_READERS; i++) {
        const address = `reader-${i}@bench.example`;
        if ((perRecipient.get(address) ?? 0) === 0 && !reported.has(address)) unreported++;
      }
      const pushes = browsers.reduce((sum, b) => sum + push.received(b.endpoint).filter((m) => m.payload.includes(alert.title)).length, 0);
      const pushDuplicates = browsers.filter((b) => push.received(b.endpoint).filter((m) => m.payload.includes(alert.title)).length > 1).length;
      const deliveries = mail.length + pushes;
      return `| ${label} | ${planned.recipients} + ${planned.pushRecipients} | ${planned.batches} + ${planned.pushBatches} | ${seconds.toFixed(1)} s | ${(deliveries / seconds).toFixed(0)} | ${mail.length} / ${pushes} | ${redeliveries.length} redelivered, ${crashes} crashes | ${duplicates + pushDuplicates} | ${reported.size} | ${unreported} |`;
    };
    const rows = [await run('clean', false), await run('faults', true)];
    return [
      `${EMAIL_READERS} email readers (half follow everything, half the section) and ${PUSH_READERS} browsers; ${SENDERS} concurrent senders; seeding took ${seedSeconds.toFixed(1)} s with BatchWriteItem (not counted).`,
      'Local services, real protocols: DynamoDB Local, aws-ses-v2-local (no send quota), the local push service (VAPID verified, payload decrypted).',
      '',
      '| run | recipients (email + push) | batches | time to last delivery | deliveries/s | emails / pushes | faults injected | duplicates | reported as uncertain or not sent | losses unreported |',
      '|---|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'SES send rate: locally unlimited; on AWS the stage sets `readers.emailSendRate` (SES default production quota 14/s, raised on request), split across `senderConcurrency`. At R emails/s, 10,000 emails take 10,000/R s (14/s: 12 min; 200/s: 50 s); 100,000 at 500/s: 3.3 min.',
      'Faults: 0.5% crashes before the SES call, 0.5% crashes after SES accepted, 1% timeouts after SES accepted, 5% of batch messages delivered twice. A crash or timeout leaves that one recipient `uncertain` (reported, replayable), never sent twice.',
    ].join('\n');
  } finally {
    await push.close();
    await ses.stop();
    await dynamodb.stop();
    await rm(home, { recursive: true, force: true });
  }
}
