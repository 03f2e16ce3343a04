import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Endpoints } from '../infra/local/endpoints';
import { fetchSentMail } from '../infra/local/sent-mail';

/**
 * Screenshots of the reader side, beside the site's: the sign-up page, and
 * the first alert email (the one with one-click unsubscribe headers) opened
 * in the local mail viewer. Returns the file names written.
 */
export async function readerScreenshots(browser: Browser, endpoints: Endpoints, outDir: string): Promise<string[]> {
  const written: string[] = [];
  const shoot = async (name: string, url: string, prepare?: (page: import('playwright-core').Page) => Promise<void>) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await prepare?.(page);
    await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
    await context.close();
    written.push(`${name}.png`);
  };
  await shoot('subscribe-1280-light', new URL('/subscribe/', endpoints.site).href);
  const alert = (await fetchSentMail(endpoints.mail)).find((mail) => mail.headers['List-Unsubscribe-Post']);
  if (!alert) throw new Error('No alert email was sent to screenshot');
  await shoot('alert-email-mail-viewer', endpoints.mail, async (page) => {
    await page.click(`button[onclick="toggle('${alert.messageId}-html')"]`);
    await page.frameLocator(`#${alert.messageId}-html-iframe`).locator('h1').waitFor();
  });
  return written;
}
