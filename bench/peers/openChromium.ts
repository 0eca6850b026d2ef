import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Debian's Chromium, as the toolkit's browser specs use it (twelvepack/testing's CHROMIUM): nothing downloads a browser. */
const CHROMIUM = '/usr/bin/chromium';

/** The flags the toolkit's own browser specs launch Chromium with: nothing of its own runs in the background. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * Debian's Chromium with a fresh profile (so no HTTP cache carries over from one start to the next), one
 * page open; `close()` ends it and removes the profile.
 */
export async function openChromium(): Promise<{ page: Page; close(): Promise<void> }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'twelvepack-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
