import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createArticleStore } from '../../shared/adapters/article-store';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { LOCAL_NAMES } from '../../infra/local/local-names';
import { dynamoDbClient } from '../support/aws-env';
import { endpoints, eventually, fetchPage, mailAbout, PIPELINE_WAIT_MS, s3Client, uploadDraft, waitForReport } from '../support/local-stack-client';
import { addConfirmedReader } from '../support/readers';
import { markdownDraft, uniqueTitle } from './drafts';

const store = () => createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
const path = (slug: string) => encodeURI(articlePath(slug));
const pageWithStatus = (slug: string, status: number, timeoutMs = PIPELINE_WAIT_MS) =>
  eventually(
    async () => {
      const page = await fetchPage(path(slug));
      return page.status === status ? page : undefined;
    },
    timeoutMs,
    `${path(slug)} answering ${status}`,
  );
const emailAlerts = (title: string, to = 'reader@example.com') => mailAbout(title, to);
const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
/**
 * How far ahead a test schedules an article it then waits to see published.
 * Ingest must finish before that time or the draft is simply published (its
 * `publishAt` already past); on a loaded 2-core machine the watcher, queue
 * and ingest together have taken over 4 s, which is what made the earlier
 * 3-4 s leads fail now and then.
 */
const SCHEDULE_LEAD_S = 30;
const scheduledPageWaitMs = SCHEDULE_LEAD_S * 1000 + PIPELINE_WAIT_MS;
/** A test's own limit: room for the several pipeline waits one test makes. */
const TEST_TIMEOUT_MS = 4 * PIPELINE_WAIT_MS;
/** The names of the publish schedules pending on the local Scheduler. */
const pendingSchedules = async () => {
  const client = new SchedulerClient({ endpoint: endpoints().scheduler, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  const { Schedules = [] } = await client.send(new ListSchedulesCommand({ GroupName: LOCAL_NAMES.scheduleGroup }));
  return Schedules.map((schedule) => schedule.Name ?? '');
};
const deleteDraft = (key: string) => s3Client().send(new DeleteObjectCommand({ Bucket: endpoints().draftsBucket, Key: key }));

/** Publishes a fresh article and waits until it is live and its alert went out. */
async function publishFresh(label: string, fields: Record<string, unknown> = {}) {
  const title = uniqueTitle(label);
  const name = `${slugify(title)}.md`;
  const since = new Date();
  const key = await uploadDraft(name, markdownDraft({ title, section: 'World', ...fields }));
  expect((await waitForReport(key, since)).status).toBe('published');
  await pageWithStatus(slugify(title), 200);
  await eventually(async () => ((await emailAlerts(title)).length === 1 ? true : undefined));
  return { title, name, key, slug: slugify(title) };
}

// Each test waits on the whole pipeline (and some on the clock), so they get more time than unit tests.
describe('the article lifecycle on the local stack', { timeout: TEST_TIMEOUT_MS }, () => {
  it('publishes an update as a new version showing "Updated" and the correction, without a new alert', async () => {
    const { title, name, key, slug } = await publishFresh('Update with correction');
    const since = new Date();
    await uploadDraft(name, markdownDraft({ title, section: 'World', correction: 'An earlier version misstated the number of bus lines.' }));
    expect((await waitForReport(key, since)).status).toBe('published');
    const page = await eventually(async () => {
      const found = await fetchPage(path(slug));
      return found.body.includes('misstated the number') ? found : undefined;
    });
    expect(page.body).toContain('Updated');
    expect(await store().listVersions(articleIdFor(key))).toHaveLength(2);
    expect(await emailAlerts(title)).toHaveLength(1);
  });

  it('alerts again on an update only when the editor newly flags it breaking', async () => {
    const { title, name, key } = await publishFresh('Breaking update');
    const since = new Date();
    await uploadDraft(name, markdownDraft({ title, section: 'World', breaking: true }));
    expect((await waitForReport(key, since)).status).toBe('published');
    await eventually(async () => ((await emailAlerts(title)).length === 2 ? true : undefined));
  });

  it('redirects the old address permanently when an update changes the slug', async () => {
    const { title, name, key, slug } = await publishFresh('Slug change');
    const since = new Date();
    const newSlug = `${slug}-renamed`;
    await uploadDraft(name, markdownDraft({ title, section: 'World', slug: newSlug }));
    expect((await waitForReport(key, since)).status).toBe('published');
    await pageWithStatus(newSlug, 200);
    const old = await pageWithStatus(slug, 301);
    expect(old.headers.get('location')).toBe(path(newSlug));
  });

  it('withdraws an article whose draft is deleted (410, off the home page) and restores it when re-uploaded', async () => {
    const { title, name, key, slug } = await publishFresh('Withdraw and restore');
    const draft = markdownDraft({ title, section: 'World' });
    const since = new Date();
    await deleteDraft(key);
    expect((await waitForReport(key, since)).status).toBe('withdrawn');
    const gone = await pageWithStatus(slug, 410);
    expect(gone.body).toContain('withdrawn');
    expect((await fetchPage('/')).body).not.toContain(title);

    const again = new Date();
    await uploadDraft(name, draft);
    expect((await waitForReport(key, again)).status).toBe('published');
    await pageWithStatus(slug, 200);
    await eventually(async () => ((await fetchPage('/')).body.includes(title) ? true : undefined));
    expect(await emailAlerts(title)).toHaveLength(1);
  });
});

describe.concurrent('scheduled publishing on the local stack', { timeout: TEST_TIMEOUT_MS }, () => {
  it('keeps a scheduled article off the site until its time, then publishes and alerts once', async () => {
    const title = uniqueTitle('Scheduled story');
    const slug = slugify(title);
    const since = new Date();
    const key = await uploadDraft(`${slug}.md`, markdownDraft({ title, section: 'Business', publishAt: inSeconds(SCHEDULE_LEAD_S) }));
    const report = await waitForReport(key, since);
    expect(report.status).toBe('scheduled');
    expect((await fetchPage(path(slug))).status).toBe(404);
    expect((await fetchPage('/')).body).not.toContain(title);
    expect(await emailAlerts(title)).toHaveLength(0);

    await pageWithStatus(slug, 200, scheduledPageWaitMs);
    await eventually(async () => ((await emailAlerts(title)).length === 1 ? true : undefined));
  });

  it('moves the schedule when the draft is re-uploaded with another time', async () => {
    const title = uniqueTitle('Rescheduled story');
    const slug = slugify(title);
    const since = new Date();
    const key = await uploadDraft(`${slug}.md`, markdownDraft({ title, section: 'Business', publishAt: inSeconds(3600) }));
    expect((await waitForReport(key, since)).status).toBe('scheduled');
    const moved = new Date();
    await uploadDraft(`${slug}.md`, markdownDraft({ title, section: 'Business', publishAt: inSeconds(SCHEDULE_LEAD_S) }));
    expect((await waitForReport(key, moved)).status).toBe('scheduled');
    await pageWithStatus(slug, 200, scheduledPageWaitMs);
  });

  it('cancels the schedule when the draft is deleted before its time', async () => {
    const title = uniqueTitle('Cancelled story');
    const slug = slugify(title);
    const since = new Date();
    const key = await uploadDraft(`${slug}.md`, markdownDraft({ title, section: 'Business', publishAt: inSeconds(3600) }));
    expect((await waitForReport(key, since)).status).toBe('scheduled');
    const id = articleIdFor(key);
    expect((await pendingSchedules()).some((name) => name.endsWith(id))).toBe(true);
    const deleted = new Date();
    await deleteDraft(key);
    expect((await waitForReport(key, deleted)).status).toBe('withdrawn');
    // Nothing left that could publish it: the schedule is gone (and a schedule that fired anyway would find a withdrawn head).
    expect((await pendingSchedules()).some((name) => name.endsWith(id))).toBe(false);
    expect((await fetchPage(path(slug))).status).not.toBe(200);
    expect(await emailAlerts(title)).toHaveLength(0);
  });
});

describe('alerts and subscriptions on the local stack', { timeout: TEST_TIMEOUT_MS }, () => {
  it('sends an alert only once its page is live', async () => {
    const title = uniqueTitle('Live before alert');
    const since = new Date();
    const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'World' }));
    await waitForReport(key, since);
    await eventually(async () => ((await emailAlerts(title)).length > 0 ? true : undefined));
    expect((await fetchPage(path(slugify(title)))).status).toBe(200);
  });

  it('routes a Business alert away from a Tech-only subscriber, and a Tech alert to them', async () => {
    await addConfirmedReader('tech-fan@example.com', { sections: ['Tech'], tags: [], breakingOnly: false });
    const business = await publishFresh('Markets rally', { section: 'Business' });
    const tech = await publishFresh('Chip makers', { section: 'Tech' });
    await eventually(async () => ((await emailAlerts(tech.title, 'tech-fan@example.com')).length === 1 ? true : undefined));
    expect(await emailAlerts(business.title, 'tech-fan@example.com')).toHaveLength(0);
    expect(await emailAlerts(business.title, 'reader@example.com')).toHaveLength(1);
  });
});
