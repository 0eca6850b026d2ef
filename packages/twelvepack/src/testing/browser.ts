import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
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

/** A fresh headless Chromium with its own empty profile. Close it in afterAll. */
export async function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'twelvepack-chromium-'));
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
}
