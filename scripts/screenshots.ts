import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadCorpusDrafts } from '../bench/corpus/corpus-drafts';
import { localArticleTable, settleLocal } from '../infra/cli/settle-command';
import { seedDrafts, startLocalStack } from '../infra/local/local-stack';
import { freeStackPorts } from '../infra/local/free-port';
import { createAwsClients } from '../shared/config/aws-clients';
import { launchChromium } from './chromium';
import { readerScreenshots } from './reader-screenshots';

const OUT = resolve('screenshots');
const EXAMPLES = resolve('examples');
const WIDTHS = [1280, 390] as const;
const SCHEMES = ['light', 'dark'] as const;
/** Corpus stories per section added to the examples: the front page gets a lead, top stories and section blocks, and each story three others in its section to link to. */
const CORPUS_PER_SECTION = 4;

/** A page to shoot: its file name stem and how to find its path on the running site. */
interface Shot {
  readonly name: string;
  readonly path: (site: string) => Promise<string>;
}

async function firstLink(site: string, page: string, pattern: RegExp): Promise<string> {
  const html = await (await fetch(`${site}${page}`)).text();
  const path = pattern.exec(html)?.[1];
  if (!path) throw new Error(`no link matching ${pattern} on ${page}`);
  return path;
}

/** The pages shot, each at every width and colour scheme. Add a page here (e.g. a subscribe page) to shoot it too. */
const SHOTS: readonly Shot[] = [
  { name: 'home', path: async () => '/' },
  { name: 'section', path: async () => '/sections/business/' },
  // The seeded example with an image (examples/harbour-wind-farm.md).
  { name: 'article', path: (site) => firstLink(site, '/sections/business/', /href="(\/articles\/harbour-town[^"]*)"/) },
  // A corpus story after the settle pass: its Related Articles, with "More in Tech" when close matches are few.
  { name: 'article-related', path: (site) => firstLink(site, '/sections/tech/', /href="(\/articles\/[^"]*)"/) },
];

async function shoot(browser: Browser, site: string, shots: readonly Shot[]): Promise<string[]> {
  const written: string[] = [];
  for (const shot of shots) {
    const path = await shot.path(site);
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${site}${path}`, { waitUntil: 'load' });
        const file = join(OUT, `${shot.name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        await context.close();
        written.push(file);
      }
    }
  }
  return written;
}

/**
 * Starts its own local stack (its own home and free ports, so it runs beside
 * `npm start`), seeded with `examples/` and a few corpus stories per section,
 * runs the related-links settle pass, and screenshots the front page, a
 * section page, an article with an image and a settled article's related
 * links at 1280 and 390 px, light and dark, into `screenshots/`.
 */
async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-shots-'));
  // The corpus stories are seeded first and the examples last, so the example with an image leads the front page.
  const corpus = join(home, 'corpus');
  await mkdir(corpus, { recursive: true });
  const perSection = new Map<string, number>();
  for (const draft of await loadCorpusDrafts()) {
    const count = perSection.get(draft.section) ?? 0;
    if (count >= CORPUS_PER_SECTION) continue;
    perSection.set(draft.section, count + 1);
    await writeFile(join(corpus, draft.name), draft.markdown);
  }
  const stack = await startLocalStack({
    home,
    draftsDir: join(home, 'drafts'),
    previewsDir: join(home, 'previews'),
    seedDir: corpus,
    ...(await freeStackPorts()),
  });
  let browser: Browser | undefined;
  try {
    await stack.settled();
    await seedDrafts(createAwsClients().s3, stack.endpoints.draftsBucket, EXAMPLES);
    await stack.settled();
    await settleLocal(localArticleTable(stack.endpoints.dynamodb, stack.endpoints.tableName));
    await stack.settled();
    browser = await launchChromium();
    await mkdir(OUT, { recursive: true });
    for (const file of await shoot(browser, stack.endpoints.site, SHOTS)) console.log(file);
    for (const file of await readerScreenshots(browser, stack.endpoints, OUT)) console.log(`screenshots/${file}`);
  } finally {
    await browser?.close();
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
