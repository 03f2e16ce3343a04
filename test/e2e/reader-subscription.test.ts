import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createSendLedger } from '../../shared/adapters/send-ledger';
import { slugify } from '../../shared/domain/draft';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { launchChromium } from '../../scripts/chromium';
import { browserTestsEnabled } from '../site-quality/browser';
import { dynamoDbClient } from '../support/aws-env';
import { endpoints, eventually, fetchPage, mailAbout, readMail, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

const run = promisify(execFile);
const sentMailSchema = z.array(
  z.object({ to: z.array(z.string()), subject: z.string(), headers: z.record(z.string(), z.string()), text: z.string(), html: z.string() }),
);

/** `newsroom mail --json` against the test run's stack, as a reader of the README would run it. */
async function newsroomMail() {
  const { stdout } = await run('npx', ['tsx', 'infra/cli/newsroom.ts', 'mail', '--json'], {
    env: { ...process.env, NEWSROOM_HOME: process.env.NEWSROOM_TEST_SCRATCH },
  });
  return sentMailSchema.parse(JSON.parse(stdout));
}

const ledger = () => createSendLedger({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().subscriberTableName });

/**
 * Publishes a story and waits until its alert has been planned and every
 * email batch of it sent: the example reader (who follows everything) has its
 * copy, and no batch of the alert is still sending.
 */
async function publishAndWaitForAlert(title: string, section: string) {
  const since = new Date();
  const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section }));
  expect((await waitForReport(key, since)).status).toBe('published');
  await eventually(
    async () => ((await mailAbout(title, 'reader@example.com')).length === 1 ? true : undefined),
    30_000,
    `the example reader's copy of ${title}`,
  );
  const alertId = `${articleIdFor(key)}#1`;
  await eventually(async () => ((await ledger().batches(alertId)).every((b) => b.status === 'done') ? true : undefined), 30_000, 'every batch sent');
}

describe.skipIf(!browserTestsEnabled())('a reader subscribes on the site and gets the alerts they asked for', { timeout: 180_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('signs up through /subscribe/, confirms by email, gets one HTML alert with one-click headers, and one click stops them', async () => {
    const email = `new-reader-${Date.now().toString(36)}@example.com`;
    const followed = `Science ${Date.now().toString(36)}`;
    const page = await browser.newPage();

    // The sign-up page is written with the site's static files on the first render, as on AWS.
    const warmUp = uniqueTitle('Warm-up');
    await uploadDraft(`${slugify(warmUp)}.md`, markdownDraft({ title: warmUp, section: 'World' }));
    await eventually(async () => ((await fetchPage('/subscribe/')).status === 200 ? true : undefined), 20_000, '/subscribe/');
    await page.goto(new URL('/subscribe/', endpoints().site).href);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Sections to follow').fill(followed);
    await page.getByRole('button', { name: 'Subscribe' }).click();
    await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();

    await eventually(async () => ((await readMail()).some((m) => m.to.includes(email)) ? true : undefined), 20_000, 'the confirmation email');
    const confirmation = (await newsroomMail()).find((m) => m.to.includes(email));
    expect(confirmation?.subject).toMatch(/^Confirm your/);
    const link = confirmation?.text.match(/https?:\/\/\S+\/api\/subscriptions\/confirm\?token=\S+/)?.[0];
    expect(link).toBeDefined();

    // Opening the link (what a scanner does) confirms nothing; the button does.
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Confirm subscription' }).click();
    await page.getByRole('heading', { name: 'You are subscribed' }).waitFor();

    const story = uniqueTitle('Telescope finds water');
    await publishAndWaitForAlert(story, followed);
    const alerts = await mailAbout(story, email);
    expect(alerts).toHaveLength(1);
    const alert = alerts[0]!;
    expect(alert.html).toContain('<h1');
    expect(alert.html).toContain('Key takeaways');
    expect(alert.text).toContain(story);
    expect(alert.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    const oneClick = alert.headers['List-Unsubscribe']?.match(/^<(https?:\/\/[^>]+)>$/)?.[1];
    expect(oneClick).toContain('/api/subscriptions/unsubscribe?token=');

    const elsewhere = uniqueTitle('Markets close higher');
    await publishAndWaitForAlert(elsewhere, 'Business');
    expect(await mailAbout(elsewhere, email)).toHaveLength(0);

    const unsubscribed = await fetch(oneClick ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(unsubscribed.status).toBe(200);

    const after = uniqueTitle('Second telescope result');
    await publishAndWaitForAlert(after, followed);
    expect(await mailAbout(after, email)).toHaveLength(0);
    await page.close();
  });
});
