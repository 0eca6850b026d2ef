import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describeWithBinary } from './describeWithBinary';

/** Debian's Chromium; nothing downloads a browser. `.ci/run` installs it with apt. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go for people to look at: test-output/e2e in the folder the tests run from (gitignore it). */
export const SCREENSHOT_DIR = join(process.cwd(), 'test-output', 'e2e');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `describe` for tests that need a real browser (skips loudly locally, fails under CI=true without it). */
export function describeWithBrowser(name: string, body: () => void): void {
  describeWithBinary(CHROMIUM, 'chromium', name, body);
}

/** A fresh headless Chromium with its own empty profile, removed when it closes. Close it in afterAll. */
export async function launchBrowser(): Promise<BrowserContext> {
  const { chromium } = loadPlaywright();
  const profile = mkdtempSync(join(tmpdir(), 'twelvepack-chromium-'));
  // Chromium may still be flushing its profile as close() returns: a few retries cover that.
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
    const close = context.close.bind(context);
    context.close = async (options) => {
      try {
        await close(options);
      } finally {
        removeProfile();
      }
    };
    return context;
  } catch (error) {
    removeProfile();
    throw error;
  }
}

/**
 * playwright-core, loaded when a browser is launched rather than when
 * twelvepack/testing is imported: it is an optional peer dependency, which npm
 * does not install, and an app whose specs never open a browser (a new app's)
 * imports twelvepack/testing without it.
 */
function loadPlaywright(): typeof import('playwright-core') {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('playwright-core') as typeof import('playwright-core');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'twelvepack/testing: launchBrowser needs playwright-core, an optional peer dependency of twelvepack that npm does not install. ' +
        "Add it to the app's devDependencies at the version twelvepack's package.json names in peerDependencies (npm install --save-dev --save-exact playwright-core@<that version>).",
    );
  }
}
