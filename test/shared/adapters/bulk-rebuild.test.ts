import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { TABLE_INDEXES, TABLE_KEYS } from '../../../events/names';
import { ensureTable } from '../../../infra/local/provision';
import { createArchiveStore } from '../../../shared/adapters/archive-store';
import { createArchiveReader, createArticleLists, createBulkArticleLists } from '../../../shared/adapters/article-lists';
import type { ArticleHeadWithContent } from '../../../shared/domain/article';
import { STAGES } from '../../../shared/domain/lifecycle';
import { listedArticle, type RenderedFile, type SiteConfig } from '../../../shared/domain/render';
import { allPageKeys, rebuildSite } from '../../../shared/use-cases/rebuild-site';
import { renderPages, staticFiles } from '../../../shared/use-cases/render-pages';
import { articleHead } from '../../support/article-fixtures';
import { dynamoDbClient } from '../../support/aws-env';

const SITE: SiteConfig = { baseUrl: 'https://news.example.com', publication: 'Newsroom Daily' };
const NOW = new Date('2026-03-05T00:00:00.000Z');
const SECTIONS = ['World', 'Business', 'Tech'];

/** A fresh article table (keys and index as the CDK app defines them) of its own in the test stack's DynamoDB Local. */
async function freshTable(name: string) {
  const raw = dynamoDbClient();
  await ensureTable(raw, name, { keys: TABLE_KEYS, index: TABLE_INDEXES.byPublished, projection: { ProjectionType: 'ALL' } });
  return { client: DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } }), tableName: name };
}

/** Every item of the list read model in a table (list entries, counters, listings, months), keyed and sorted. */
async function listItems(table: { client: DynamoDBDocumentClient; tableName: string }): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return (
    items
      .filter((item) => String(item.PK).startsWith('LIST') || item.SK === 'LISTING')
      // A list's revision counts the batches that changed it: one per article one by one, one for the whole rebuild.
      .map(({ rev, ...item }): Record<string, unknown> => ({ ...item, changed: typeof rev === 'number' && rev > 0 }))
      .sort((a, b) => `${a.PK}|${a.SK}`.localeCompare(`${b.PK}|${b.SK}`))
  );
}

/** 45 published heads over three sections, a few tags and bylines and two months (so some lists have archive pages). */
function archive(run: string): ArticleHeadWithContent[] {
  return Array.from({ length: 45 }, (_, i) =>
    articleHead(`${run}-${String(i).padStart(2, '0')}`, {
      slug: `bulk-${run}-${i}`,
      title: `Story ${i}`,
      section: SECTIONS[i % 3],
      tags: i % 4 === 0 ? ['Rail', 'Climate'] : [`Topic ${i % 5}`],
      byline: i % 2 ? 'Jane Doe' : undefined,
      publishedAt: new Date(Date.parse('2026-02-27T00:00:00Z') + i * 3 * 3_600_000).toISOString(),
      stage: STAGES.done,
      alertDue: false,
    }),
  );
}

describe('bulk rebuild', () => {
  it('writes the same list items and the same pages as listing and rendering the archive one article at a time', async () => {
    const run = Date.now().toString(36);
    const heads = archive(run);
    const incremental = await freshTable(`rebuild-incremental-${run}`);
    const bulk = await freshTable(`rebuild-bulk-${run}`);
    for (const table of [incremental, bulk]) await createArchiveStore(table).writeArticles(heads);

    // The per-publish path: each article listed in turn (as the stream consumer's render job does), every page rendered from the table's lists.
    const lists = createArticleLists(incremental);
    const totals = new Map<string, number>();
    for (const head of heads) {
      const update = await lists.updateListing(head.id, listedArticle(head), await lists.getListing(head.id));
      for (const [id, total] of Object.entries(update.totals)) totals.set(id, Math.max(total, totals.get(id) ?? 0));
    }
    const ctx = { lists, site: SITE, articles: new Map(heads.map((head) => [head.slug, head])), totals: Object.fromEntries(totals), now: NOW };
    const expected = [...staticFiles(SITE), ...(await renderPages(allPageKeys(heads, totals), ctx))];

    // The bulk path, over a table where the oldest ten were already listed one by one.
    const bulkLists = createArticleLists(bulk);
    for (const head of heads.slice(0, 10)) await bulkLists.updateListing(head.id, listedArticle(head), undefined);
    const written: RenderedFile[] = [];
    const deps = {
      archive: createArchiveReader(bulk),
      lists: createBulkArticleLists(bulk),
      live: createArticleLists(bulk),
      site: { write: async (files: readonly RenderedFile[]) => void written.push(...files) },
      cdn: { invalidate: async () => undefined },
      siteConfig: SITE,
      clock: () => NOW,
    };
    const summary = await rebuildSite(deps);

    expect(summary).toMatchObject({ articles: 45, listingsWritten: 35, files: expected.length, caughtUp: 0 });
    expect(await listItems(bulk)).toEqual(await listItems(incremental));
    const byKey = (files: readonly RenderedFile[]) => new Map(files.map((file) => [file.key, file]));
    expect(byKey(written)).toEqual(byKey(expected));
    expect(expected.map((file) => file.key)).toEqual(
      expect.arrayContaining(['tags/rail/index.html', 'page/1/index.html', 'sitemaps/articles-2026-03.xml']),
    );

    // A second rebuild finds every listing up to date: nothing written to the table, the same pages.
    written.length = 0;
    expect(await rebuildSite(deps)).toMatchObject({ listingsWritten: 0, files: expected.length, caughtUp: 0 });
    expect(byKey(written)).toEqual(byKey(expected));
  });
});
