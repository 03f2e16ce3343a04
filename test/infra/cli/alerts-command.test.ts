import { SESv2Client } from '@aws-sdk/client-sesv2';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertFromArticles, localAlertsTarget, type AlertsTarget } from '../../../infra/cli/alerts-target';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../../infra/local/local-credentials';
import { createArticleStore } from '../../../shared/adapters/article-store';
import { createSesEmailSender, EmailSendError, type EmailSender } from '../../../shared/adapters/email-sender';
import { STAGES } from '../../../shared/domain/lifecycle';
import { listFailedSends, replayFailedSends } from '../../../shared/use-cases/subscriptions/failed-sends';
import { sendEmailBatch } from '../../../shared/use-cases/subscriptions/send-email-batch';
import { markdownDraft, uniqueTitle } from '../../e2e/drafts';
import { dynamoDbClient } from '../../support/aws-env';
import { endpoints, eventually, readMail, uploadDraft } from '../../support/local-stack-client';
import { addConfirmedReader } from '../../support/readers';

const run = promisify(execFile);
const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const emails = ['sent', 'refused', 'timeout'].map((name) => `${name}-${tag}@example.com`);
let target: AlertsTarget;
let alertId: string;

const copies = async (email: string) => (await readMail()).filter((mail) => mail.to.includes(email)).length;

beforeAll(async () => {
  const home = process.env.NEWSROOM_TEST_SCRATCH;
  if (!home) throw new Error('NEWSROOM_TEST_SCRATCH is not set: run under the test global setup');
  target = await localAlertsTarget(home);
  const slug = `replay-${tag}`;
  await uploadDraft(`${slug}.md`, markdownDraft({ title: uniqueTitle('Replay check'), slug, section: 'World' }));
  const queries = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
  const head = await eventually(async () => {
    const found = await queries.headBySlug(slug);
    return found?.stage === STAGES.done ? found : undefined;
  });
  alertId = `${head.id}#${head.version}`;
  // Readers who signed up after the story went out: only the batch below (and its replays) reaches them.
  const ids = await Promise.all(emails.map((email) => addConfirmedReader(email, { sections: [`none-${tag}`], tags: [], breakingOnly: false })));
  const alert = await alertFromArticles(target.articles, endpoints().site, alertId);
  if (!alert) throw new Error('the published story has no alert');
  const ses = createSesEmailSender({
    client: new SESv2Client({ endpoint: endpoints().mail, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS }),
    from: 'Test <alerts@newsroom.example>',
  });
  // SES refuses the second reader; for the third it accepts, and the answer is lost.
  const faulty: EmailSender = {
    async send(email) {
      if (email.to === emails[1]) throw new EmailSendError('rejected', 'MessageRejected: injected');
      const id = await ses.send(email);
      if (email.to === emails[2]) throw new EmailSendError('uncertain', 'TimeoutError: injected after SES accepted');
      return id;
    },
  };
  await sendEmailBatch(
    {
      ledger: target.ledger,
      sender: faulty,
      secret: async () => 's'.repeat(40),
      siteUrl: endpoints().site,
      publication: 'Test',
      ratePerSecond: 1000,
    },
    { alert, batchId: `b-${tag}`, recipients: emails.map((email, i) => ({ id: ids[i]!, email })) },
  );
});

afterAll(() => target?.close());

describe('newsroom alerts: failed sends, visible and replayable', () => {
  it('lists the refused and the uncertain recipient, from the command line too', async () => {
    const rows = await listFailedSends(target.ledger, alertId);
    expect(rows.map(({ address, state, replays }) => [address, state, replays])).toEqual([
      [emails[1], 'not-sent', 0],
      [emails[2], 'uncertain', 0],
    ]);
    const { stdout } = await run('npx', ['tsx', 'infra/cli/newsroom.ts', 'alerts', '--failed', alertId, '--json'], {
      env: { ...process.env, NEWSROOM_HOME: process.env.NEWSROOM_TEST_SCRATCH },
    });
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(rows)));
  });

  it('replays the refused recipient once, the uncertain one only when asked, and never the one already sent', async () => {
    expect(await replayFailedSends(target, alertId)).toEqual({
      queued: [emails[1]],
      skipped: [{ address: emails[2], why: 'uncertain: may have been sent (replay with --uncertain)' }],
    });
    await eventually(async () => ((await listFailedSends(target.ledger, alertId))[0]?.state === 'sent' ? true : undefined));
    expect(await copies(emails[1]!)).toBe(1);

    const again = await replayFailedSends(target, alertId);
    expect(again.queued).toEqual([]);
    expect(again.skipped.map((s) => s.why)).toEqual(['already sent', 'uncertain: may have been sent (replay with --uncertain)']);

    expect(await replayFailedSends(target, alertId, { address: emails[2]!.toUpperCase(), includeUncertain: true })).toEqual({
      queued: [emails[2]],
      skipped: [],
    });
    await eventually(async () => ((await listFailedSends(target.ledger, alertId))[1]?.state === 'sent' ? true : undefined));
    // The uncertain reader had SES's first copy; asking for the replay is asking for a possible second.
    expect([await copies(emails[0]!), await copies(emails[1]!), await copies(emails[2]!)]).toEqual([1, 1, 2]);
  });
});
