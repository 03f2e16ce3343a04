import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStore } from '../../shared/adapters/article-store';
import { articlePath } from '../../shared/domain/article';
import { articleIdFor } from '../../shared/domain/publishing/article-id';
import { dynamoDbClient } from '../support/aws-env';
import { slugify } from '../../shared/domain/draft';
import { endpoints, eventually, fetchPage, mailAbout, PIPELINE_WAIT_MS, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

const SEED = new URL('../../examples/us-china-ai-dialogue.md', import.meta.url);

const store = () => createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });

async function waitForPage(slug: string, timeoutMs = PIPELINE_WAIT_MS) {
  return eventually(
    async () => {
      const page = await fetchPage(encodeURI(articlePath(slug)));
      return page.status === 200 ? page : undefined;
    },
    timeoutMs,
    `page ${slug}`,
  );
}

describe('publishing through the local stack', () => {
  it('publishes the seed article with every part of the reference page', async () => {
    const since = new Date();
    const key = await uploadDraft('seed-copy/us-china-ai-dialogue.md', await readFile(SEED));
    const report = await waitForReport(key, since);
    expect(report.status).toBe('published');
    const slug = 'a-digital-ceasefire-us-and-china-open-high-level-dialogue-on-artificial-intelligence';
    const { body, headers } = await waitForPage(slug);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(body).toContain('<h1>A Digital Ceasefire? US and China Open High-Level Dialogue on Artificial Intelligence</h1>');
    expect(body).toContain('This move represents a strategic attempt to manage the risks');
    expect(body).toContain('Chinese national flag flying high against a clear blue sky');
    expect(body).toContain('Key Takeaways');
    expect(body.match(/<section class="takeaways"[\s\S]*?<\/section>/)?.[0].match(/<li>/g)).toHaveLength(4);
    expect(body).toContain('Editor&#39;s Desk');
    expect(body).toContain('Strategic Analysis');
    for (const opening of ['In a rare moment', 'This development arrives', 'The scope of the dialogue', 'However, significant hurdles']) {
      expect(body).toContain(opening);
    }
    expect(body).toContain('China Daily Brief Editorial');
    expect(body).toContain('Share Article');
    expect(body).toMatch(/Related Articles/);
  });

  it('publishes a draft dropped into the watched folder, lists it on the home page and alerts subscribers', async () => {
    const title = uniqueTitle('Council approves transport plan');
    await writeFile(join(endpoints().draftsDir, `${slugify(title)}.md`), markdownDraft({ title, section: 'World' }));
    // The two-second target is measured by `npm run bench`; a timed assertion here would be flaky on a busy machine.
    await waitForPage(slugify(title));
    // The article's own page goes out first, the lists (home page included) right after it.
    await eventually(async () => ((await fetchPage('/')).body.includes(title) ? true : undefined));
    const alerts = await eventually(async () => {
      const found = await mailAbout(title, 'reader@example.com');
      return found.length > 0 ? found : undefined;
    });
    expect(alerts[0]?.html).toContain(title);
  });

  it('generates three to five takeaways from the body when the draft has none', async () => {
    const title = uniqueTitle('Transport plan takeaways');
    const since = new Date();
    const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'World' }));
    expect((await waitForReport(key, since)).status).toBe('published');
    const { body } = await waitForPage(slugify(title));
    const items = body.match(/<section class="takeaways"[\s\S]*?<\/section>/)?.[0].match(/<li>/g) ?? [];
    expect(items.length).toBeGreaterThanOrEqual(3);
    expect(items.length).toBeLessThanOrEqual(5);
  });

  it('does not publish or alert again when the same draft is uploaded twice', async () => {
    const title = uniqueTitle('Repeated upload');
    const draft = markdownDraft({ title, section: 'Business' });
    const first = new Date();
    const key = await uploadDraft(`${slugify(title)}.md`, draft);
    expect((await waitForReport(key, first)).status).toBe('published');
    const alertsFor = () => mailAbout(title, 'reader@example.com');
    await eventually(async () => ((await alertsFor()).length > 0 ? true : undefined));

    const second = new Date();
    await uploadDraft(`${slugify(title)}.md`, draft);
    expect((await waitForReport(key, second)).status).toBe('unchanged');
    expect(await store().listVersions(articleIdFor(key))).toHaveLength(1);
    expect(await alertsFor()).toHaveLength(1);
  });
});
