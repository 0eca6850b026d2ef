import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, freePort, launchBrowser, SCREENSHOT_DIR } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { TWELVEPACK_BIN } from '../support/twelvepackBin';


const until = async <T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 60_000): Promise<T> => {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describeWithBrowser('npm run dev in a real browser', () => {
  let project: string;
  let dev: ChildProcess;
  let output = '';
  let url: string;
  let browser: BrowserContext;
  let page: Page;
  const edit = (file: string, change: (text: string) => string) => {
    const path = join(project, file);
    writeFileSync(path, change(readFileSync(path, 'utf8')));
  };

  beforeAll(async () => {
    project = copyProject();
    const port = await freePort();
    dev = spawn(process.execPath, [TWELVEPACK_BIN, 'dev'], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    url = await until(() => /dev server ready at (http:\/\/\S+)/.exec(output)?.[1], 'the ready line', 120_000);
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(url);
    await page.waitForSelector('#app[data-ready="true"]');
  });

  afterAll(async () => {
    await browser?.close();
    // A SIGKILL'd dev server's API process stops by itself (its IPC channel closes), so nothing is left listening.
    if (dev && dev.exitCode === null) dev.kill('SIGKILL');
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('prints the address and serves the app and the API on the same origin', async () => {
    expect(await page.locator('h1').textContent()).toBe('twelvepack');
    await page.waitForFunction(() => document.querySelector('.greeting')?.textContent === 'Hello from the twelvepack server');
    expect(await page.locator('ol.factors li').count()).toBe(12);
  });

  it('shows an edited client file in the same page without a manual reload', async () => {
    const timings: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const text = `Edited summary number ${i}`;
      const savedAt = Date.now();
      edit('src/client/data/factors.json', (json) => json.replace(/"summary": "[^"]*"(?=\s*\}\s*,\s*\{ "number": 2)/, `"summary": "${text}"`));
      await page.waitForFunction((wanted) => document.querySelector('ol.factors li')?.textContent?.includes(wanted), text, { timeout: 60_000, polling: 20 });
      timings.push(Date.now() - savedAt);
    }
    // Reported for the issue note (tests never assert timings).
    // eslint-disable-next-line no-console
    console.log(`edit-to-browser times (ms): ${timings.join(', ')}; median ${median(timings)}`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'development-edited.png'), fullPage: true });
  });

  it('shows a syntax error in the overlay and recovers once it is fixed', async () => {
    const main = 'src/client/main.ts';
    const original = readFileSync(join(project, main), 'utf8');
    edit(main, (text) => `${text}\nconst broken = ;\n`);
    const overlay = page.locator('#webpack-dev-server-client-overlay');
    await overlay.waitFor({ state: 'attached', timeout: 60_000 });
    const overlayText = await page.frameLocator('#webpack-dev-server-client-overlay').locator('body').textContent();
    expect(overlayText).toMatch(/main\.ts/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'development-overlay.png') });
    expect(output).toMatch(/ERROR[\s\S]*main\.ts/);

    writeFileSync(join(project, main), original.replace("'Filter the factors'", "'Filter again'"));
    await page.waitForFunction(() => document.querySelector('input[type=search]')?.getAttribute('placeholder') === 'Filter again', undefined, { timeout: 60_000 });
    await overlay.waitFor({ state: 'detached', timeout: 60_000 });
  });

  it('reloads the open page when its HTML template is edited, with the public placeholders filled', async () => {
    edit('public/index.html', (html) => html.replace('<noscript>', '<p class="template-marker">%PUBLIC_TAGLINE%</p><noscript>'));
    await page.waitForSelector('.template-marker', { timeout: 60_000 });
    expect(await page.locator('.template-marker').textContent()).toBe('A webpack app that follows the twelve-factor methodology.');
  });

  it('answers with the new API code after a server file is edited', async () => {
    edit('src/server/greeting.ts', (text) => text.replace('Hello from the', 'Greetings from the'));
    const answer = await until(async () => {
      const response = await fetch(`${url}/api/greeting`).catch(() => undefined);
      const body = response?.ok ? ((await response.json()) as { greeting: string }) : undefined;
      return body?.greeting.startsWith('Greetings') ? body.greeting : undefined;
    }, 'the edited API answer');
    expect(answer).toBe('Greetings from the twelvepack server');
  });

  it('reports a crash in the server code without stopping the dev server', async () => {
    edit('src/server/greeting.ts', (text) => `${text}\nsetTimeout(() => { throw new Error('dev crash on purpose'); }, 300);\n`);
    await until(() => (output.includes('API server crashed') ? true : undefined), 'the crash report');
    expect((await fetch(url)).status).toBe(200);
    edit('src/server/greeting.ts', (text) => text.replace(/\nsetTimeout\(\(\) => \{ throw new Error\('dev crash on purpose'\); \}, 300\);\n/, '\n'));
    await until(async () => ((await fetch(`${url}/api/greeting`).catch(() => undefined))?.ok ? true : undefined), 'the API back after the fix');
  });

  it('reports a bad .env value clearly and keeps serving; a good one restarts with the new value', async () => {
    const before = output.length;
    writeFileSync(join(project, '.env'), 'SHUTDOWN_TIMEOUT_MS=soon\n');
    await until(() => (output.includes('SHUTDOWN_TIMEOUT_MS must be a whole number', before) ? true : undefined), 'the config problem');
    expect(output.slice(before)).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect((await fetch(url)).status).toBe(200);

    writeFileSync(join(project, '.env'), 'PUBLIC_APP_NAME=Renamed In Env\n');
    await until(async () => {
      const html = await (await fetch(`${url}/`).catch(() => undefined))?.text();
      return html?.includes('Renamed In Env') ? true : undefined;
    }, 'the restarted dev server with the new name');
    // A new page: the old one reloads itself when its dev-server client reconnects, which would abort a goto.
    const fresh = await browser.newPage();
    await fresh.goto(url);
    await fresh.waitForFunction(() => document.querySelector('h1')?.textContent === 'Renamed In Env', undefined, { timeout: 60_000 });
    await fresh.close();
  });

  it('stops everything on Ctrl-C and leaves nothing listening', async () => {
    const apiPorts = [...output.matchAll(/port: (\d+)/g)].map((match) => Number(match[1]));
    expect(apiPorts.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => dev.once('exit', (code) => resolve(code)));
    dev.kill('SIGINT');
    expect(await exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
    for (const port of apiPorts) await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });
});
