import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's Chromium; nothing downloads a browser. `.ci/run` installs it with apt. */
export const CHROMIUM = '/usr/bin/chromium';

/** Where screenshots go for people to look at (gitignored). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-output', 'e2e');

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

/**
 * `describe` for tests that need a real browser. Without Chromium they skip
 * with a loud message on a developer's machine, and fail under CI=true.
 */
export function describeWithBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  const message = `${CHROMIUM} is missing: install it with \`apt-get install chromium\` to run the browser tests.`;
  if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(`${message} CI must run them.`);
      });
    });
    return;
  }
  // eslint-disable-next-line no-console
  console.warn(`\n${'!'.repeat(78)}\n!! SKIPPING "${name}": ${message}\n${'!'.repeat(78)}\n`);
  describe.skip(name, body);
}

/** A fresh headless Chromium with its own empty profile. Close it in afterAll. */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'twelvepack-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
}
