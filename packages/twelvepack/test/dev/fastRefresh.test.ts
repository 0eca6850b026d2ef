// React Fast Refresh under `twelvepack dev`, in a real Chromium, on the toolkit's React fixture (never the demo).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser } from '../../src/testing/browser';
import { startDevServer, type DevServer } from '../../src/testing/startDevServer';
import { copyFixtureApp } from '../support/copyFixtureApp';

/** A mark on the page's window: it survives an in-place update and is gone after a reload. */
type Marked = { twelvepackMark?: string };
/** As much of the page's `window` as the checks read (the toolkit's Node code has no DOM types). */
type BrowserWindow = { document: { querySelector(selector: string): { textContent: string | null } | null } };
const labelIs = (wanted: string) => (globalThis as unknown as BrowserWindow).document.querySelector('.label')?.textContent === wanted;

describeWithBrowser('React Fast Refresh under twelvepack dev', () => {
  let app = '';
  let dev: DevServer | undefined;
  let browser: BrowserContext | undefined;
  let page: Page;
  const consoleLines: string[] = [];
  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(app, file), change(readFileSync(join(app, file), 'utf8')));
  const text = (selector: string) => page.locator(selector).textContent();
  const marked = () => page.evaluate(() => (globalThis as Marked).twelvepackMark);

  beforeAll(async () => {
    app = copyFixtureApp('react-app');
    dev = await startDevServer(app);
    browser = await launchBrowser();
    page = await browser.newPage();
    page.on('console', (message) => consoleLines.push(message.text()));
    await page.goto(dev.url);
    await page.locator('.count').waitFor();
    // State of both kinds: three clicks (useReducer) and typed text (useState), and the mark.
    for (let i = 0; i < 3; i += 1) await page.click('button');
    await page.fill('.text', 'typed before the edit');
    await page.evaluate(() => ((globalThis as Marked).twelvepackMark = 'not reloaded'));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
    if (app !== '') rmSync(app, { recursive: true, force: true });
  });

  it('updates an edited component in place, keeping its useReducer and useState state, with no page reload', async () => {
    expect(await text('.count')).toBe('3');
    edit('src/client/Counter.tsx', (source) => source.replace('>Clicked<', '>Pressed<'));
    await page.waitForFunction(labelIs, 'Pressed', { timeout: 60_000 });
    expect({ count: await text('.count'), typed: await page.inputValue('.text'), mark: await marked() }).toEqual({
      count: '3',
      typed: 'typed before the edit',
      mark: 'not reloaded',
    });
  });

  it('shows a syntax error in the overlay, and recovers with the state kept once it is fixed', async () => {
    const good = readFileSync(join(app, 'src/client/Counter.tsx'), 'utf8');
    writeFileSync(join(app, 'src/client/Counter.tsx'), `${good}\nconst broken = ;\n`);
    const overlay = page.locator('#webpack-dev-server-client-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    expect(await page.frameLocator('#webpack-dev-server-client-overlay').locator('body').textContent()).toMatch(/Counter\.tsx/);

    writeFileSync(join(app, 'src/client/Counter.tsx'), good.replace('>Pressed<', '>Fixed<'));
    await page.waitForFunction(labelIs, 'Fixed', { timeout: 60_000 });
    await overlay.waitFor({ state: 'detached', timeout: 60_000 });
    expect({ count: await text('.count'), mark: await marked() }).toEqual({ count: '3', mark: 'not reloaded' });
  });

  it('reloads the page for an edit outside any component (the entry), and the console says why', async () => {
    edit('src/client/main.tsx', (source) => source.replace('renders once', 'renders once, edited'));
    await page.waitForFunction(() => (globalThis as Marked).twelvepackMark === undefined, undefined, { timeout: 60_000 });
    await page.locator('.count').waitFor();
    expect(await text('.count')).toBe('0');
    expect(consoleLines.join('\n')).toMatch(/full reload/i);
  });
});
