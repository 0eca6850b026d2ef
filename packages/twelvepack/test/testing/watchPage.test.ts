import type { BrowserContext } from 'playwright-core';
import { describeWithBrowser, launchBrowser } from '../../src/testing/browser';
import { watchPage, type WatchedPage } from '../../src/testing/watchPage';
import { spawnServer, type SpawnedServer } from '../support/spawnServer';

const SECRET = 'watch-page-admin-token-0123456789';

/** The promises every app's page keeps, checked by watchPage on the fixture app: each broken on purpose is reported. */
describeWithBrowser('watchPage, the browser checks apps call', () => {
  let browser: BrowserContext;
  let server: SpawnedServer;
  let url: string;
  let watched: WatchedPage;

  beforeAll(async () => {
    server = spawnServer({ env: { PUBLIC_APP_NAME: 'Watched App', ADMIN_TOKEN: SECRET } });
    url = await server.ready();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });
  beforeEach(async () => {
    watched = await watchPage(await browser.newPage());
    await watched.page.goto(url);
    await watched.page.waitForFunction(() => document.querySelector('.greeting')?.textContent?.startsWith('Hello'));
  });
  afterEach(() => watched.page.close());

  it('finds nothing wrong with a page that keeps every promise', async () => {
    expect(await watched.problems({ secrets: [SECRET], publicEnv: { PUBLIC_APP_NAME: 'Watched App' } })).toEqual([]);
  });

  it('reports a console error and an uncaught exception', async () => {
    await watched.page.evaluate(() => {
      console.error('something broke');
      setTimeout(() => {
        throw new Error('thrown on purpose');
      }, 0);
    });
    await watched.page.waitForTimeout(100);
    const problems = await watched.problems();
    expect(problems).toContain('console error: something broke');
    expect(problems.some((problem) => problem.includes('thrown on purpose'))).toBe(true);
  });

  it('reports a CSP violation (an inline script the policy does not allow)', async () => {
    await watched.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.injected = true;';
      document.body.append(script);
    });
    await watched.page.waitForTimeout(100);
    expect((await watched.problems()).some((problem) => problem.startsWith('CSP violation: script-src'))).toBe(true);
  });

  it('reports a secret in the DOM and in window, without printing it', async () => {
    await watched.page.evaluate((secret) => {
      document.body.dataset.leak = secret;
      (window as unknown as Record<string, unknown>).leaked = { token: secret };
    }, SECRET);
    const problems = await watched.problems({ secrets: [SECRET] });
    expect(problems).toEqual(expect.arrayContaining(['secret #1 is in the DOM', 'secret #1 is in a window property']));
    expect(problems.join('\n')).not.toContain(SECRET);
  });

  it('reports a secret in a response body', async () => {
    await watched.page.evaluate(() => fetch('/api/greeting').then((res) => res.text()));
    await watched.page.waitForTimeout(100);
    // The greeting names the app: called a secret here, it is found in that response.
    expect(await watched.problems({ secrets: ['Watched App server'] })).toEqual(expect.arrayContaining([expect.stringMatching(/^secret #1 is in the response from .*\/api\/greeting$/)]));
  });

  it('reports a placeholder left unrendered, and runtime config that is not the server environment', async () => {
    await watched.page.evaluate(() => document.body.append('%PUBLIC_TAGLINE%'));
    const problems = await watched.problems({ publicEnv: { PUBLIC_APP_NAME: 'Another App' } });
    expect(problems).toEqual(
      expect.arrayContaining(['placeholders left unrendered: %PUBLIC_TAGLINE%', 'runtime config PUBLIC_APP_NAME is "Watched App", not the server\'s "Another App"']),
    );
  });
});
