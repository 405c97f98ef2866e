import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's chromium, as `.ci/run` installs it (`V3F_TEST_CHROMIUM` points elsewhere). */
export const CHROMIUM = process.env.V3F_TEST_CHROMIUM || '/usr/bin/chromium';

/** `V3F_TEST_BROWSER=required` turns a missing browser from a skip into a failure (CI sets it). */
export const browserRequired = process.env.V3F_TEST_BROWSER === 'required';

/** Why the browser tests cannot run here, or undefined when they can. */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  return `${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) or set V3F_TEST_CHROMIUM to run the browser tests; set V3F_TEST_BROWSER=required to make its absence a failure`;
}

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

/** Headless Chromium with a fresh profile, removed on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'v3f-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
