/** Drop a draft into the running stack, then a good one, and check what each got. */
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { expect } from 'vitest';
import type { DraftReport } from '../../events/draft-report';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { endpoints, eventually, fetchPage, readOutbox, s3Client, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

/** A problem a rejection report must name. */
export interface ExpectedProblem {
  readonly path: string;
  readonly message: RegExp;
  readonly line?: number;
}

/** Whether the site bucket holds an article page at `slug`. */
export async function pageExists(slug: string): Promise<boolean> {
  try {
    await s3Client().send(new HeadObjectCommand({ Bucket: endpoints().siteBucket, Key: `articles/${slug}/index.html` }));
    return true;
  } catch {
    return false;
  }
}

/**
 * Drops `body` as `name`, then a good draft, and returns the first one's report and its
 * editors' alert once the good draft's page is live (so nothing the first did stalled the stack).
 */
export async function dropBeforeGoodDraft(
  name: string,
  body: string | Uint8Array,
  reportTimeoutMs?: number,
): Promise<{ readonly key: string; readonly report: DraftReport; readonly editorsAlert: string }> {
  const since = new Date();
  const key = await uploadDraft(name, body);
  const goodTitle = uniqueTitle('Good draft after a bad one');
  const goodKey = await uploadDraft(`${slugify(goodTitle)}.md`, markdownDraft({ title: goodTitle, section: 'World' }));

  const report = await waitForReport(key, since, reportTimeoutMs);
  const alert = await eventually(async () =>
    (await readOutbox()).find((d) => d.endpoint === 'editors@example.com' && d.subject?.includes(key) && d.subject.includes(report.status)),
  );

  expect((await waitForReport(goodKey, since, reportTimeoutMs)).status).toBe('published');
  const good = await eventually(async () => {
    const page = await fetchPage(encodeURI(articlePath(slugify(goodTitle))));
    return page.status === 200 ? page : undefined;
  });
  expect(good.body).toContain(goodTitle);
  return { key, report, editorsAlert: alert.message };
}

/**
 * Drops a bad draft and then a good one, and checks: the bad one gets a
 * rejection report naming the problem and where, an editors' alert, no page;
 * the good one still publishes.
 */
export async function expectRejected(name: string, body: string | Uint8Array, expected: ExpectedProblem, badSlug?: string): Promise<void> {
  const { key, report, editorsAlert } = await dropBeforeGoodDraft(name, body);
  expect(report).toMatchObject({ draft: key, status: 'rejected' });
  expect(report.errors).toContainEqual(
    expect.objectContaining({
      path: expected.path,
      message: expect.stringMatching(expected.message),
      ...(expected.line ? { line: expected.line } : {}),
    }),
  );
  expect(editorsAlert).toContain(key);
  if (badSlug) expect(await pageExists(badSlug)).toBe(false);
}
