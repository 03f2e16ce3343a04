import { CloudFrontClient, CreateInvalidationCommand, TooManyInvalidationsInProgress } from '@aws-sdk/client-cloudfront';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../shared/domain/lifecycle';
import { INVALIDATION_LIMITS } from '../../infra/local/cloudfront/invalidation-state';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/local-credentials';
import { createArticleStore } from '../../shared/adapters/article-store';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { dynamoDbClient } from '../support/aws-env';
import { EXAMPLE_READER } from '../../infra/local/subscriber-runtime';
import { endpoints, eventually, fetchPage, mailAbout, PIPELINE_WAIT_MS, s3Client, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

const store = () => createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
const cloudfront = () =>
  new CloudFrontClient({ endpoint: endpoints().cloudfront, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
const invalidate = (client: CloudFrontClient, reference: string, paths: string[]) =>
  client.send(
    new CreateInvalidationCommand({
      DistributionId: endpoints().distributionId,
      InvalidationBatch: { CallerReference: reference, Paths: { Quantity: paths.length, Items: paths } },
    }),
  );

function inventedWords(count: number): string[] {
  const stem = Math.random().toString(36).slice(2, 7).replace(/\d/g, 'q');
  return Array.from({ length: count }, (_, i) => `vel${stem}${'abcdefghij'[i]}ux`);
}
const body = (words: readonly string[]) =>
  words.map((word, i) => `The ${word} survey widened this week, officials said of ${word} and ${words[(i + 1) % words.length]}.`).join(' ');

async function publish(title: string, words: readonly string[], fields: Record<string, unknown> = {}) {
  const since = new Date();
  const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'Science', ...fields }, body(words)));
  const report = await waitForReport(key, since);
  return { key, report };
}

const stageOf = async (key: string) => (await store().getHead(articleIdFor(key)))?.stage;
const untilDone = (key: string, what: string) =>
  eventually(async () => ((await stageOf(key)) === STAGES.done ? true : undefined), PIPELINE_WAIT_MS, `${what} done`);
const alertsFor = (title: string) => mailAbout(title, EXAMPLE_READER);
const pageWhere = (slug: string, accept: (page: { status: number; body: string }) => boolean, what: string) =>
  eventually(
    async () => {
      const page = await fetchPage(encodeURI(articlePath(slug)));
      return accept(page) ? page : undefined;
    },
    PIPELINE_WAIT_MS,
    what,
  );

describe('publishing while CloudFront refuses every invalidation', { timeout: 120_000 }, () => {
  it('publishes, re-renders related pages and withdraws to done with one alert each', async () => {
    // Fill the distribution's in-progress budget, as a burst of earlier publishes would have: CloudFront now
    // answers TooManyInvalidationsInProgress to any further path, and the local endpoint does the same.
    const client = cloudfront();
    // Earlier tests may hold some of the budget: fill what is left, halving a refused batch down to one path.
    for (let size: number = INVALIDATION_LIMITS.filePathsInProgress, batch = 0; size >= 1; batch++) {
      const run = `fill-${Date.now()}-${batch}`;
      try {
        await invalidate(
          client,
          run,
          Array.from({ length: size }, (_, i) => `/${run}/${i}.html`),
        );
      } catch (error) {
        if (!(error instanceof TooManyInvalidationsInProgress)) throw error;
        size = Math.floor(size / 2);
      }
    }
    await expect(invalidate(client, `probe-${Date.now()}`, ['/index.html'])).rejects.toBeInstanceOf(TooManyInvalidationsInProgress);

    const words = inventedWords(6);
    const first = uniqueTitle(`Breaking ${words[0]} survey`);
    const second = uniqueTitle(`Follow-up ${words[0]} survey`);

    const published = await publish(first, words, { breaking: true });
    expect(published.report.status).toBe('published');
    await untilDone(published.key, 'the breaking story');
    await pageWhere(slugify(first), (page) => page.status === 200, 'the breaking story page');

    const corrected = await publish(first, words, { breaking: true, correction: 'An earlier version misspelled a name.' });
    expect(corrected.report.status).toBe('published');
    await pageWhere(slugify(first), (page) => page.body.includes('misspelled a name'), 'the corrected page');
    await untilDone(published.key, 'the corrected story');

    const follow = await publish(second, words);
    expect(follow.report.status).toBe('published');
    await pageWhere(slugify(first), (page) => page.body.includes(encodeURI(articlePath(slugify(second)))), 'the first page linking the follow-up');
    await untilDone(published.key, 'the re-rendered first story');
    await untilDone(follow.key, 'the follow-up');

    await s3Client().send(new DeleteObjectCommand({ Bucket: endpoints().draftsBucket, Key: published.key }));
    await pageWhere(slugify(first), (page) => page.status === 410, 'the withdrawn page');
    await untilDone(published.key, 'the withdrawn story');

    await eventually(async () => ((await alertsFor(second)).length === 1 ? true : undefined), PIPELINE_WAIT_MS, 'the follow-up alert');
    expect(await alertsFor(first)).toHaveLength(1);
    expect(await alertsFor(second)).toHaveLength(1);
    // Still refusing: every invalidation above was refused, and none held a stage.
    await expect(invalidate(client, `probe-end-${Date.now()}`, ['/index.html'])).rejects.toBeInstanceOf(TooManyInvalidationsInProgress);
    client.destroy();
  });
});
