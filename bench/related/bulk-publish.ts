import { PutObjectCommand } from '@aws-sdk/client-s3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeStackPorts } from '../../infra/local/free-port';
import { startLocalStack } from '../../infra/local/local-stack';
import { createArticleStore } from '../../shared/adapters/article-store';
import { createRelatedIndex } from '../../shared/adapters/related-index';
import { createAwsClients } from '../../shared/config/aws-clients';
import { articlePath } from '../../shared/domain/article';
import { slugify } from '../../shared/domain/draft';
import { settleRelated } from '../../shared/use-cases/settle-related';
import { loadCorpusDrafts } from '../corpus/corpus-drafts';

/** What the rendered article pages show after a bulk publish. */
export interface RenderedRelated {
  /** Articles whose section holds at least three other live articles. */
  readonly eligible: number;
  /** Eligible pages showing at least three related links. */
  readonly withThree: number;
  /** Pages showing "No related articles found". */
  readonly empty: number;
  /** Pages with links under "More in <section>". */
  readonly filled: number;
  /** Share of the first three links of each page in the page's own section (every link, as rendered). */
  readonly precisionAt3: number;
  /** The same over close matches only (fill links left out). */
  readonly textPrecisionAt3: number;
  readonly meanLinks: number;
}

/** One measurement of the bulk publish. */
export interface BulkPublishResult {
  readonly drafts: number;
  readonly live: number;
  readonly seconds: number;
  readonly afterBurst: RenderedRelated;
  readonly afterSettle: RenderedRelated;
  readonly settle: { readonly examined: number; readonly refreshed: number };
}

function relatedBlock(page: string): { links: string[]; fill: Set<string> } {
  const block = page.match(/<section id="related"[\s\S]*?<\/section>/)?.[0] ?? '';
  const hrefs = (html: string) => [...html.matchAll(/<a href="([^"]+)"/g)].map((m) => decodeURI(m[1]!));
  const more = block.indexOf('<h3>More in ');
  return { links: hrefs(block), fill: new Set(more < 0 ? [] : hrefs(block.slice(more))) };
}

async function readPages(site: string, slugs: readonly string[]): Promise<Map<string, string>> {
  const pages = new Map<string, string>();
  for (const slug of slugs) {
    const response = await fetch(new URL(encodeURI(articlePath(slug)), site));
    if (response.ok) pages.set(slug, await response.text());
  }
  return pages;
}

function measure(pages: ReadonlyMap<string, string>, sectionOf: ReadonlyMap<string, string>): RenderedRelated {
  const perSection = new Map<string, number>();
  for (const slug of pages.keys()) perSection.set(sectionOf.get(slug)!, (perSection.get(sectionOf.get(slug)!) ?? 0) + 1);
  const pathSection = new Map([...sectionOf].map(([slug, section]) => [articlePath(slug), section]));
  let eligible = 0;
  let withThree = 0;
  let empty = 0;
  let filled = 0;
  let links = 0;
  const hits = { all: 0, allTotal: 0, text: 0, textTotal: 0 };
  for (const [slug, page] of pages) {
    const section = sectionOf.get(slug)!;
    const related = relatedBlock(page);
    links += related.links.length;
    if (page.includes('No related articles found')) empty++;
    if (related.fill.size > 0) filled++;
    if ((perSection.get(section) ?? 0) - 1 >= 3) {
      eligible++;
      if (related.links.length >= 3) withThree++;
    }
    for (const href of related.links.slice(0, 3)) {
      hits.allTotal++;
      if (pathSection.get(href) === section) hits.all++;
    }
    for (const href of related.links.filter((h) => !related.fill.has(h)).slice(0, 3)) {
      hits.textTotal++;
      if (pathSection.get(href) === section) hits.text++;
    }
  }
  return {
    eligible,
    withThree,
    empty,
    filled,
    precisionAt3: hits.allTotal ? hits.all / hits.allTotal : 0,
    textPrecisionAt3: hits.textTotal ? hits.text / hits.textTotal : 0,
    meanLinks: pages.size ? links / pages.size : 0,
  };
}

/**
 * The real path: a fresh local stack (no seed), the 100 corpus drafts dropped
 * into its drafts bucket at once, every page live and the pipeline settled
 * (per-publish refreshes included); then the rendered pages are read and
 * measured, the settle pass is run once (as the reconciler or `newsroom
 * settle` would), and the pages are measured again.
 */
export async function measureBulkPublish({ log = (_: string) => {} }: { log?: (line: string) => void } = {}): Promise<BulkPublishResult> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-related-bench-'));
  const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), ...(await freeStackPorts()) });
  try {
    await stack.settled();
    const { endpoints } = stack;
    const drafts = await loadCorpusDrafts();
    // The stack pointed this process's AWS clients at itself.
    const { s3, dynamodb } = createAwsClients();
    const started = performance.now();
    log(`bulk publish: dropping ${drafts.length} corpus drafts`);
    await Promise.all(
      drafts.map((draft) =>
        s3.send(new PutObjectCommand({ Bucket: endpoints.draftsBucket, Key: `drafts/bulk/${draft.name}`, Body: draft.markdown })),
      ),
    );
    const sectionOf = new Map<string, string>();
    for (const draft of drafts) if (!sectionOf.has(slugify(draft.title))) sectionOf.set(slugify(draft.title), draft.section);
    const slugs = [...sectionOf.keys()];
    let pages = new Map<string, string>();
    for (let pass = 0; pass < 600 && pages.size < slugs.length; pass++) {
      await stack.settled();
      pages = await readPages(endpoints.site, slugs);
      if (pages.size < slugs.length) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await stack.settled();
    const seconds = (performance.now() - started) / 1000;
    const afterBurst = measure(await readPages(endpoints.site, slugs), sectionOf);
    log(`bulk publish: ${pages.size}/${slugs.length} live in ${seconds.toFixed(1)} s; running the settle pass`);

    const table = { client: dynamodb, tableName: endpoints.tableName };
    const settle = await settleRelated({ index: createRelatedIndex(table), store: createArticleStore(table) });
    await stack.settled();
    const afterSettle = measure(await readPages(endpoints.site, slugs), sectionOf);
    return {
      drafts: drafts.length,
      live: pages.size,
      seconds,
      afterBurst,
      afterSettle,
      settle: { examined: settle.examined, refreshed: settle.refreshed.length },
    };
  } finally {
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}
