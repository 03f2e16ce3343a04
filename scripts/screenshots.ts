import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startLocalStack } from '../infra/local/local-stack';
import { freePort } from '../infra/local/free-port';
import { launchChromium } from './chromium';
import { readerScreenshots } from './reader-screenshots';

const OUT = resolve('screenshots');
const EXAMPLES = resolve('examples');

/** Starts the local stack seeded with `examples/`, and screenshots the seed article (1280 and 390 px, light and dark), the home page and a section page. */
async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'newsroom-shots-'));
  const stack = await startLocalStack({ home, draftsDir: join(home, 'drafts'), seedDir: EXAMPLES, sitePort: await freePort(), s3Port: await freePort(), dynamodbPort: await freePort(), snsPort: await freePort() });
  const browser = await launchChromium();
  try {
    await stack.settled();
    const site = stack.endpoints.site;
    const homeHtml = await (await fetch(site)).text();
    const article = /href="(\/articles\/[^"]+)"/.exec(homeHtml)?.[1];
    const section = /href="(\/sections\/[^"]+)"/.exec(await (await fetch(`${site}${article}`)).text())?.[1];
    if (!article || !section) throw new Error('the seed article was not published');
    await mkdir(OUT, { recursive: true });
    const shots: Array<[string, string, number, 'light' | 'dark']> = [
      ['article-1280-light', article, 1280, 'light'],
      ['article-1280-dark', article, 1280, 'dark'],
      ['article-390-light', article, 390, 'light'],
      ['article-390-dark', article, 390, 'dark'],
      ['home-1280-light', '/', 1280, 'light'],
      ['section-1280-light', section, 1280, 'light'],
    ];
    for (const [name, path, width, colorScheme] of shots) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${site}${path}`);
      await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
      await context.close();
      console.log(`screenshots/${name}.png`);
    }
    for (const file of await readerScreenshots(browser, stack.endpoints, OUT)) console.log(`screenshots/${file}`);
  } finally {
    await browser.close();
    await stack.stop();
    await rm(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
