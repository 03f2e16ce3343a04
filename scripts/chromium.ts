import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, installed by `.ci/run`; never a browser download. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launches Chromium headless with the flags DESIGN.md's testing notes give. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
