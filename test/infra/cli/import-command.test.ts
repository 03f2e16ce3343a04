import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeImport, localSiteTarget, readArchiveDir, runImport } from '../../../infra/cli/import-command';
import { createArticleStore } from '../../../shared/adapters/article-store';
import { articlePath } from '../../../shared/domain/article';
import { slugify } from '../../../shared/domain/draft';
import { listPath } from '../../../shared/domain/render';
import { articleIdFor } from '../../../shared/domain/publishing/article-id';
import { dynamoDbClient } from '../../support/aws-env';
import { endpoints, eventually, fetchPage, readOutbox, testStackPaths, uploadDraft, waitForReport } from '../../support/local-stack-client';
import { scratchDir } from '../../support/scratch-dir';
import { markdownDraft } from '../../e2e/drafts';

const stackPaths = testStackPaths;

describe('newsroom import', () => {
  it('loads an archive as history (original dates, no alerts, pages live after one rebuild) and resumes after a stop', async () => {
    const run = Date.now().toString(36);
    const dir = scratchDir('archive-');
    await mkdir(join(dir, '2015'), { recursive: true });
    const dated = [1, 2, 3, 4].map((day) => ({
      path: `2015/story-${day}.md`,
      slug: `archive-${run}-${day}`,
      title: `Archive ${run} story ${day}`,
      date: `2015-03-0${day}T09:00:00.000Z`,
    }));
    for (const entry of dated) {
      await writeFile(join(dir, entry.path), markdownDraft({ title: entry.title, slug: entry.slug, section: 'Business', publishAt: entry.date }));
    }
    // No publishAt: the file's own date is the original one.
    const undated = { path: 'undated.json', slug: `archive-${run}-undated`, title: `Archive ${run} undated` };
    await writeFile(
      join(dir, undated.path),
      JSON.stringify({
        title: undated.title,
        slug: undated.slug,
        section: 'Business',
        body: 'The mill closed in 2014. Workers found new jobs. The town changed.',
      }),
    );
    await utimes(join(dir, undated.path), new Date('2014-06-01T12:00:00Z'), new Date('2014-06-01T12:00:00Z'));
    await writeFile(join(dir, 'broken.md'), '---\ntitle: No section\n---\nBody');

    const files = await readArchiveDir(dir);
    const target = await localSiteTarget(stackPaths());
    let chunks = 0;
    const first = await runImport(target, files, { chunkSize: 2, stopRequested: () => chunks++ >= 1 });
    expect(first).toMatchObject({ interrupted: true, imported: 2, rebuilt: false });
    expect(describeImport(first, 1)).toMatch(/run the same command again to resume/i);

    const second = await runImport(target, files, { chunkSize: 2 });
    expect(second).toMatchObject({ interrupted: false, imported: 3, alreadyPresent: 2, rebuilt: true, files: 6 });
    expect(second.rejected.map((entry) => entry.path)).toEqual(['broken.md']);

    const store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
    for (const entry of dated) {
      // Imported as finished; a live publish elsewhere in the stack may add itself to its related links, which
      // sends it through render once more (never to an alert), so wait for it to be finished again.
      const head = await eventually(async () => {
        const found = await store.getHead(articleIdFor(`drafts/${entry.path}`));
        return found?.stage === 'done' ? found : undefined;
      });
      expect(head).toMatchObject({ publishedAt: entry.date, status: 'published', alertDue: false, version: 1 });
      const page = await fetchPage(encodeURI(articlePath(entry.slug)));
      expect(page.status).toBe(200);
      expect(page.body).toContain(entry.date.slice(0, 10));
    }
    expect((await store.getHead(articleIdFor(`drafts/${undated.path}`)))?.publishedAt).toBe('2014-06-01T12:00:00.000Z');
    const later = await store.getHead(articleIdFor(`drafts/${dated[3]!.path}`));
    expect(later?.related.map((link) => link.slug)).toEqual(expect.arrayContaining([dated[0]!.slug]));

    const third = await runImport(target, files, { chunkSize: 2 });
    expect(third).toMatchObject({ imported: 0, alreadyPresent: 5, rebuilt: false });
    const titles = new Set([...dated.map((entry) => entry.title), undated.title]);
    expect((await readOutbox()).filter((delivery) => titles.has(delivery.subject ?? ''))).toEqual([]);
  });

  it('links a draft published after an import to the imported articles and lists it after them', async () => {
    const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    // Made-up words (letters only) unique to this test, so only its own articles match.
    const stem = run.replace(/\d/g, (d) => 'ghijklmnop'[Number(d)]!);
    const words = ['alpha', 'beta', 'gamma', 'delta', 'omega'].map((suffix) => `quor${stem}${suffix}`);
    const body = words.map((word, i) => `The ${word} scheme grew again, officials said of ${word} and ${words[(i + 1) % words.length]}.`).join(' ');
    const section = `Imports ${stem}`;
    const dir = scratchDir('archive-after-');
    const imported = [1, 2, 3].map((day) => ({ slug: `imported-${run}-${day}`, date: `2016-05-0${day}T08:00:00.000Z` }));
    for (const entry of imported) {
      await writeFile(
        join(dir, `${entry.slug}.md`),
        markdownDraft(
          { title: `Imported ${words[0]} story ${run} ${entry.date.slice(8, 10)}`, slug: entry.slug, section, publishAt: entry.date },
          body,
        ),
      );
    }
    const summary = await runImport(await localSiteTarget(stackPaths()), await readArchiveDir(dir));
    expect(summary).toMatchObject({ imported: 3, rebuilt: true });

    const title = `Fresh ${words[0]} story ${run}`;
    const since = new Date();
    const key = await uploadDraft(`fresh-${run}.md`, markdownDraft({ title, section }, body));
    expect((await waitForReport(key, since)).status).toBe('published');
    const store = createArticleStore({ client: DynamoDBDocumentClient.from(dynamoDbClient()), tableName: endpoints().tableName });
    const head = await eventually(async () => {
      const found = await store.getHead(articleIdFor(key));
      return found?.stage === 'done' ? found : undefined;
    });
    // Ranked by their text (not filled in from the section), from the index the import loaded in bulk.
    expect(head.related.map((link) => link.slug).sort()).toEqual(imported.map((entry) => entry.slug).sort());
    expect(head.related.filter((link) => link.fill)).toEqual([]);

    // Its section lists it first, then the imported articles newest first: its ordinal follows theirs.
    const sectionPage = await eventually(async () => {
      const page = await fetchPage(encodeURI(listPath('section', slugify(section))));
      return page.status === 200 && page.body.includes(head.slug) ? page.body : undefined;
    });
    const order = [head.slug, ...imported.map((entry) => entry.slug).reverse()].map((slug) => sectionPage.indexOf(encodeURI(articlePath(slug))));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
