import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, launchChromium } from '../../scripts/chromium';
import { browserTestsEnabled, serveFolder } from './browser';
import { PAGE_TYPES, pageSamples } from './page-samples';
import { renderQualitySite, writeSite } from './site-fixture';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const enabled = browserTestsEnabled();
if (!enabled)
  console.warn(`Skipping axe-core accessibility checks: ${CHROMIUM_PATH} is missing (apt-get install -y chromium). In CI they fail instead.`);

describe.skipIf(!enabled)('axe-core, WCAG 2.1 AA, in Chromium', () => {
  let dir = '';
  let server: Awaited<ReturnType<typeof serveFolder>>;
  let browser: Browser;
  let paths: Record<string, string> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'axe-'));
    const files = await renderQualitySite();
    const samples = pageSamples(files);
    await writeSite(dir, [...files, samples.withdrawn!, samples.preview!]);
    paths = Object.fromEntries(Object.entries(samples).map(([type, file]) => [type, `/${file.key.replace(/index\.html$/, '')}`]));
    server = await serveFolder(dir);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['home', 'section', 'article'])('fits the %s page and its section navigation into 320 px without script', async (type) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route(/^https:\/\/images\.example\.com\//, (route) => route.fulfill({ status: 404 }));
    await page.goto(`${server.url}${paths[type]}`);
    const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
    const boxes = await Promise.all((await page.locator('.site-nav a').all()).map((link) => link.boundingBox()));
    await context.close();
    expect(width).toBeLessThanOrEqual(320);
    expect(boxes.length).toBe(6);
    for (const box of boxes) {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    }
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it.each(PAGE_TYPES)(`finds no violations on the %s page in ${colorScheme} mode`, async (type) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await page.route(/^https:\/\/images\.example\.com\//, (route) => route.fulfill({ status: 404 }));
      await page.goto(`${server.url}${paths[type]}`);
      const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
      await context.close();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});
