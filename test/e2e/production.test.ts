import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser, SCREENSHOT_DIR, spawnServer, watchPage, type SpawnedServer, type WatchedPage } from 'twelvepack/testing';
import { builtDemoDir } from '../support/builtDemo';

const SECRET = 'e2e-admin-token-never-in-the-browser-31337';

describeWithBrowser('the production app in a real browser', () => {
  let browser: BrowserContext;
  let server: SpawnedServer;
  let url: string;
  let page: Page;
  let watched: WatchedPage;
  /** Every script the page requested, by path. */
  const scripts: string[] = [];

  beforeAll(async () => {
    // The build was made with the default name; this value exists only in the server's environment.
    const sqlite = join(mkdtempSync(join(tmpdir(), 'twelvepack-e2e-')), 'kv.sqlite');
    server = spawnServer({ dir: builtDemoDir(), env: { PUBLIC_APP_NAME: 'Runtime Shop', ADMIN_TOKEN: SECRET, SQLITE_PATH: sqlite } });
    url = await server.ready();
    browser = await launchBrowser();
    watched = await watchPage(await browser.newPage());
    page = watched.page;
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('.greeting')?.textContent?.startsWith('Hello'));
    await page.waitForFunction(() => document.querySelector('.visits')?.textContent?.startsWith('Visit number'));
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'production.png'), fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('renders the twelve factors from the inlined JSON', async () => {
    expect(await page.locator('ol.factors li').count()).toBe(12);
    expect(await page.locator('ol.factors li').first().textContent()).toContain('Codebase');
  });

  it("shows public config from the server's environment, changed without a rebuild", async () => {
    expect(await page.locator('h1').textContent()).toBe('Runtime Shop');
    expect(await page.title()).toBe('Runtime Shop');
    expect(await page.locator('.greeting').textContent()).toBe('Hello from the Runtime Shop server');
  });

  it('counts visits in the store (SQLite by default), one more on each load', async () => {
    await page.waitForFunction(() => /^Visit number \d+, counted in sqlite\.$/.test(document.querySelector('.visits')?.textContent ?? ''));
    const first = Number(/\d+/.exec((await page.locator('.visits').textContent()) ?? '')?.[0]);
    await page.reload();
    await page.waitForFunction((previous) => document.querySelector('.visits')?.textContent === `Visit number ${previous + 1}, counted in sqlite.`, first);
  });

  it("keeps the toolkit's promises: no console error, no CSP violation, no secret anywhere, runtime public config applied", async () => {
    expect(await watched.problems({ secrets: [SECRET], publicEnv: { PUBLIC_APP_NAME: 'Runtime Shop' } })).toEqual([]);
  });

  it("shows the server's public values in the HTML it sends, before any script runs", async () => {
    const html = await (await fetch(url)).text();
    expect(html).toContain('<title>Runtime Shop</title>');
    expect(html).toContain('<h1>Runtime Shop</h1>');
  });

  it('runs the modern bundle and never requests the legacy one', async () => {
    const html = await (await fetch(url)).text();
    const modern = [...html.matchAll(/<script type="module" src="([^"]+)"/g)].map(([, src]) => src);
    expect(modern.map((src) => src!.replace(/\.\w{8}\.js$/, ''))).toEqual(['/runtime', '/vendors', '/main']);
    expect(html).toMatch(/<script defer="defer" nomodule src="\/main-legacy\.\w{8}\.js">/);
    // Every load of the page (one test reloads it) requested the modern scripts, and nothing else.
    expect([...new Set(scripts)]).toEqual(modern);
    expect(await page.evaluate(() => (self as unknown as Record<string, unknown>).__twelvepackModern)).toBe(true);
  });

  it("sends a thrown client error to the server's JSON log", async () => {
    await page.evaluate(() => {
      setTimeout(() => {
        throw new Error('e2e thrown client error');
      }, 0);
    });
    const line = await server.waitForLog((entry) => entry.msg === 'client error' && String((entry.clientError as { message?: string })?.message).includes('e2e thrown client error'));
    expect(line).toMatchObject({ level: 'warn', clientError: { kind: 'error', count: 1 } });
  });
});

describeWithBrowser('a browser that runs module scripts but cannot parse the modern bundle', () => {
  let browser: BrowserContext;
  let server: SpawnedServer;
  let page: Page;
  const scripts: string[] = [];

  beforeAll(async () => {
    server = spawnServer({ dir: builtDemoDir(), env: { SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'twelvepack-e2e-')), 'kv.sqlite') } });
    const url = await server.ready();
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    // Chrome 61 to 79, Safari 11 to 13: they fail to parse the modern runtime's first statement (ES2020). Here the
    // runtime answers with a token no browser parses, so Chromium stops there as they would.
    await page.route(/\/runtime\.\w{8}\.js$/, (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: 'self.__twelvepackModern=@@;' }));
    await page.goto(url);
    await page.waitForSelector('#app[data-ready="true"]');
    await page.waitForFunction(() => document.querySelector('.greeting')?.textContent?.startsWith('Hello'));
  });

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('gets the legacy bundle from the fallback (allowed by the CSP) and renders the app with it', async () => {
    expect(await page.locator('ol.factors li').count()).toBe(12);
    const legacy = scripts.filter((path) => path.includes('-legacy.'));
    expect(legacy.map((path) => path.replace(/\.\w{8}\.js$/, ''))).toEqual(['/runtime-legacy', '/vendors-legacy', '/main-legacy']);
    expect(await page.evaluate(() => (self as unknown as Record<string, unknown>).__twelvepackModern)).toBeUndefined();
  });
});
