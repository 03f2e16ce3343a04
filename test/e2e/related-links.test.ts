import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { localArticleTable, settleLocal } from '../../infra/cli/settle-command';
import { createArticleStore } from '../../shared/adapters/article-store';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { dynamoDbClient } from '../support/aws-env';
import { endpoints, eventually, fetchPage, PIPELINE_WAIT_MS, uploadDraft, waitForReport } from '../support/local-stack-client';
import { markdownDraft, uniqueTitle } from './drafts';

/** Made-up words unique to one test, so other tests' articles never match. */
function inventedWords(count: number): string[] {
  const stem = Math.random().toString(36).slice(2, 7).replace(/\d/g, 'q');
  return Array.from({ length: count }, (_, i) => `zor${stem}${'abcdefghij'[i]}ix`);
}

function body(words: readonly string[]): string {
  return words
    .map((word, i) => `The ${word} programme grew again this week, officials said of ${word} and ${words[(i + 1) % words.length]}.`)
    .join(' ');
}

async function publish(title: string, words: readonly string[], extra: Record<string, unknown> = {}) {
  const since = new Date();
  const key = await uploadDraft(`${slugify(title)}.md`, markdownDraft({ title, section: 'Science', ...extra }, body(words)));
  return waitForReport(key, since);
}

/** The article links of a related block, in page order, and those under its "More in …" label. */
function relatedLinks(section: string): { all: string[]; fill: string[] } {
  const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]!);
  const more = section.indexOf('<h3>More in ');
  return { all: hrefs(section), fill: more < 0 ? [] : hrefs(section.slice(more)) };
}

function relatedSection(page: string): string {
  return page.match(/<section id="related"[\s\S]*?<\/section>/)?.[0] ?? '';
}

async function pageWhere(slug: string, accept: (body: string) => boolean, what: string): Promise<string> {
  return eventually(
    async () => {
      const page = await fetchPage(encodeURI(articlePath(slug)));
      return page.status === 200 && accept(page.body) ? page.body : undefined;
    },
    PIPELINE_WAIT_MS,
    what,
  );
}

/** Waits until the articles' pipelines are all finished at once (pages live, alerts sent, no re-render pending). */
async function finished(...slugs: string[]): Promise<void> {
  const store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
  const done = async () => (await Promise.all(slugs.map((slug) => store.headBySlug(slug)))).every((head) => head?.stage === 'done');
  await eventually(async () => ((await done()) ? true : undefined), PIPELINE_WAIT_MS, `${slugs.join(', ')} to finish`);
}

describe('related links through the local stack', () => {
  it('re-renders an older article so that it lists a newly published close match', async () => {
    const words = inventedWords(6);
    const older = uniqueTitle(`Older ${words[0]} report`);
    const newer = uniqueTitle(`Newer ${words[0]} report`);
    // The newer story may land while the older one's alert is still out: its list is held and rendered after.
    expect((await publish(older, words)).status).toBe('published');
    expect((await publish(newer, words)).status).toBe('published');

    const olderPage = await pageWhere(slugify(older), (b) => relatedSection(b).includes(slugify(newer)), 'the older page to link the newer one');
    expect(relatedSection(olderPage)).toContain(encodeURI(articlePath(slugify(newer))));
  });

  it('links the closest match first and never a scheduled article or the article itself', async () => {
    const words = inventedWords(6);
    const close = uniqueTitle(`Close ${words[0]} ${words[1]} story`);
    const loose = uniqueTitle(`Loose ${words[5]} story`);
    const scheduled = uniqueTitle(`Scheduled ${words[0]} ${words[1]} story`);
    const subject = uniqueTitle(`Subject ${words[0]} ${words[1]} story`);
    expect((await publish(loose, [words[5]!, words[4]!, 'weather', 'harbour', 'ferry'])).status).toBe('published');
    expect((await publish(close, words)).status).toBe('published');
    expect((await publish(scheduled, words, { publishAt: new Date(Date.now() + 30 * 86_400_000).toISOString() })).status).toBe('scheduled');
    expect((await publish(subject, words)).status).toBe('published');

    const page = await pageWhere(slugify(subject), (b) => relatedSection(b).includes(slugify(loose)), 'the subject page with both links');
    const related = relatedSection(page);
    expect(related.indexOf(slugify(close))).toBeGreaterThan(-1);
    expect(related.indexOf(slugify(close))).toBeLessThan(related.indexOf(slugify(loose)));
    expect(related).not.toContain(slugify(scheduled));
    expect(related).not.toContain(`${slugify(subject)}/`);
  });

  it('gives every page of a burst at least three related links, its close match first, filling under "More in <section>"', async () => {
    const section = `Burst ${inventedWords(1)[0]}`;
    // Two stories share their words (a close match); the other four are made of words nothing else uses.
    const shared = inventedWords(6);
    const wordSets = [shared, shared, ...Array.from({ length: 4 }, () => inventedWords(6))];
    const titles = wordSets.map((words) => uniqueTitle(words[0]!));
    const slugs = titles.map(slugify);
    const bodies = wordSets.map((words, i) => (i < 2 ? body(words) : `${words.slice(0, 3).join(' ')}. ${words.slice(3).join(' ')}.`));
    const since = new Date();
    const keys = await Promise.all(titles.map((title, i) => uploadDraft(`${slugs[i]}.md`, markdownDraft({ title, section }, bodies[i]))));
    for (const key of keys) expect((await waitForReport(key, since)).status).toBe('published');
    // Once the burst's pipelines are done (alerts out, held lists rendered), one settle pass over the section
    // catches up what the per-publish refreshes left short.
    await finished(...slugs);
    const { dynamodb, tableName } = endpoints();
    await settleLocal(localArticleTable(dynamodb, tableName), undefined, section);
    const pages = await Promise.all(
      slugs.map((slug, i) => pageWhere(slug, (b) => relatedLinks(relatedSection(b)).all.length >= 3, `${titles[i]} to show three related links`)),
    );
    for (const [i, page] of pages.entries()) {
      const block = relatedSection(page);
      const { all, fill } = relatedLinks(block);
      expect(all.length).toBeGreaterThanOrEqual(3);
      expect(all).not.toContain(encodeURI(articlePath(slugs[i]!)));
      if (i >= 2) {
        // Nothing matches its words: every link is a recent story of the section, under the label.
        expect(block).toContain(`<h3>More in ${section}</h3>`);
        expect(fill).toEqual(all);
      }
    }
    // Each of the twins lists the other first, above any fill.
    for (const [i, twin] of new Map([
      [0, 1],
      [1, 0],
    ])) {
      const { all, fill } = relatedLinks(relatedSection(pages[i]!));
      expect(all[0]).toBe(encodeURI(articlePath(slugs[twin]!)));
      expect(fill).not.toContain(all[0]);
    }
  });
});
