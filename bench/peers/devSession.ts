import type { Page } from 'playwright-core';
import type { BenchTool } from './BenchTool';
import { openChromium } from './openChromium';
import type { PeerApp } from './writePeerApp';
import { spawnTool, type RunningTool } from './spawnTool';
import { freePort } from '../../packages/twelvepack/src/testing/freePort';

/** A tool's dev server with the app open in Chromium. */
export interface DevSession {
  /** From spawning the dev command to the page showing the app's content (its scripts run). */
  readonly startMs: number;
  /** The dev server's process group at its highest until then, in MB. */
  readonly startRssMb: number;
  readonly page: Page;
  readonly running: RunningTool;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the page (every 10 ms, across reloads) until its text holds `text`; throws after `timeoutMs`. */
export async function waitForText(page: Page, text: string, running: RunningTool, timeoutMs = 120_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    // A page that is reloading has no body to read yet: that is a miss, not an error.
    const seen = await page.textContent('body', { timeout: 1000 }).then((body) => body?.includes(text) ?? false, () => false);
    if (seen) return;
    await sleep(10);
  }
  throw new Error(`the page never showed "${text}" within ${timeoutMs} ms. The dev server printed:\n${running.output()}`);
}

/** Polls the dev server's page until it answers 200 (a server still starting refuses or fails the request). */
async function waitForPage(url: string, running: RunningTool, timeoutMs = 120_000): Promise<void> {
  const started = performance.now();
  let exited = false;
  void running.exited.then(() => (exited = true));
  while (performance.now() - started < timeoutMs) {
    if (exited) throw new Error(`the dev server exited before it served its page:\n${running.output()}`);
    const status = await fetch(url).then((res) => res.status, () => 0);
    if (status === 200) return;
    await sleep(20);
  }
  throw new Error(`the dev server did not serve ${url} within ${timeoutMs} ms:\n${running.output()}`);
}

/**
 * Opens Chromium first (its start is not the tool's), then spawns the tool's dev command on a free
 * port and times it until the page, loaded once the server answers, shows the app's rendered text.
 */
export async function startDevSession(tool: BenchTool, app: PeerApp): Promise<DevSession> {
  const browser = await openChromium();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const started = performance.now();
  const running = spawnTool(app.dir, tool.dev(port));
  const close = async () => {
    await browser.close();
    await running.stop();
  };
  try {
    await waitForPage(url, running);
    await browser.page.goto(url, { waitUntil: 'commit' });
    await waitForText(browser.page, app.renderedText, running);
    return { startMs: performance.now() - started, startRssMb: running.peakRssMb(), page: browser.page, running, close };
  } catch (error) {
    await close();
    throw error;
  }
}
