// `twelvepack dev` on the toolkit's React fixture, through the loop a person goes round: edit the page's
// template, break the server code, put a bad value in .env, then press Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describeWithBrowser, launchBrowser } from '../../src/testing/browser';
import { freePort } from '../../src/testing/freePort';
import { startDevServer, type DevServer } from '../../src/testing/startDevServer';
import { copyFixtureApp } from '../support/copyFixtureApp';
import { PACKAGE_DIR } from '../support/packedToolkit';

const BIN = join(PACKAGE_DIR, 'src', 'cli', 'twelvepack.js');
const HAS_PROC = existsSync('/proc');
const CRASH = "\nsetTimeout(() => { throw new Error('dev crash on purpose'); }, 300);\n";

/** Resolves with what `probe` gives once it gives something other than undefined; rejects after `timeoutMs`. */
async function until<T>(probe: () => Promise<T | undefined> | T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** The status of a GET, or undefined when nothing answers. */
const statusOf = (url: string) => fetch(url).then((response) => response.status, () => undefined);

/** The ids of the running processes whose working folder is `dir` (Linux's /proc): the dev server and its children. */
function processesIn(dir: string): string[] {
  const real = realpathSync(dir);
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readlinkSync(`/proc/${pid}/cwd`) === real && isRunning(pid);
      } catch {
        // Gone meanwhile, or not ours to read.
        return false;
      }
    });
}

/** Whether a process is still there and not a zombie (an exited child nobody has reaped yet has stopped). */
function isRunning(pid: string): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** A `twelvepack dev` this spec started itself, to see how it exits (startDevServer keeps its process to itself). */
interface DevProcess {
  readonly child: ChildProcess;
  readonly url: string;
  output(): string;
  /** Resolves with its exit code (null when a signal ended it). */
  readonly exited: Promise<number | null>;
}

/** Spawns the CLI as a person runs it, resolving once the ready line is out and /readyz answers through it. */
async function spawnDev(app: string): Promise<DevProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'dev'], {
    cwd: app,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const ready = async () => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error('twelvepack dev exited before it was ready');
    if (!output.includes('dev server ready at')) return undefined;
    return (await statusOf(`${url}/readyz`)) === 200 ? true : undefined;
  };
  try {
    await until(ready, 'the dev server', 120_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}:\n${output}`);
  }
  return { child, url, output: () => output, exited };
}

let app = '';
const edit = (file: string, change: (text: string) => string) => writeFileSync(join(app, file), change(readFileSync(join(app, file), 'utf8')));
// One copy for both dev servers: the second starts warm from the caches the first wrote as it stopped.
beforeAll(() => {
  app = copyFixtureApp('react-app');
});
afterAll(() => rmSync(app, { recursive: true, force: true }));

describe('twelvepack dev, while running', () => {
  let dev: DevServer | undefined;
  beforeAll(async () => {
    dev = await startDevServer(app);
  }, 180_000);
  afterAll(async () => dev?.stop());

  describeWithBrowser('with the page open in Chromium', () => {
    let browser: BrowserContext | undefined;
    let page: Page;
    beforeAll(async () => {
      browser = await launchBrowser();
      page = await browser.newPage();
      await page.goto(dev!.url);
      await page.locator('.count').waitFor();
    }, 60_000);
    afterAll(async () => browser?.close());

    it('reloads the open page when its HTML template is edited, with the public placeholders filled', async () => {
      edit('public/index.html', (html) => html.replace('<main id="app">', '<p class="template-marker">%PUBLIC_APP_NAME%</p><main id="app">'));
      await page.waitForSelector('.template-marker', { timeout: 60_000 });
      expect(await page.locator('.template-marker').textContent()).toBe('React fixture');
    });
  });

  it('reports a crash in the server code without stopping the dev server', async () => {
    const before = dev!.output().length;
    edit('src/server/hello.ts', (source) => `${source}${CRASH}`);
    await until(() => (dev!.output().includes('API server crashed', before) ? true : undefined), 'the crash report');
    expect(dev!.output().slice(before)).toContain('Fix the server code; it restarts on the next change.');
    expect(await statusOf(dev!.url)).toBe(200);

    edit('src/server/hello.ts', (source) => source.replace(CRASH, '\n'));
    await until(async () => ((await statusOf(`${dev!.url}/api/hello`)) === 200 ? true : undefined), 'the API back after the fix');
  }, 90_000);

  it('reports a bad .env value clearly and keeps serving; a good one restarts with the new value', async () => {
    const before = dev!.output().length;
    writeFileSync(join(app, '.env'), 'SHUTDOWN_TIMEOUT_MS=soon\n');
    await until(() => (dev!.output().includes('restarts.', before) ? true : undefined), 'the config problem');
    const said = dev!.output().slice(before);
    expect(said).toContain('SHUTDOWN_TIMEOUT_MS must be a whole number');
    expect(said).toContain('"soon"');
    expect(said).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(await statusOf(dev!.url)).toBe(200);
    expect(await statusOf(`${dev!.url}/api/hello`)).toBe(200);

    writeFileSync(join(app, '.env'), 'PUBLIC_APP_NAME=Renamed In Env\n');
    const title = await until(async () => {
      const html = await fetch(dev!.url).then((response) => response.text(), () => '');
      return /<title>Renamed In Env<\/title>/.exec(html)?.[0];
    }, 'the restarted dev server with the new name');
    expect(title).toBe('<title>Renamed In Env</title>');
    expect(await statusOf(`${dev!.url}/api/hello`)).toBe(200);
  }, 90_000);
});

describe('twelvepack dev, on Ctrl-C', () => {
  let dev: DevProcess | undefined;
  beforeAll(async () => {
    dev = await spawnDev(app);
  }, 180_000);
  afterAll(() => {
    if (dev !== undefined && dev.child.exitCode === null) dev.child.kill('SIGKILL');
  });

  it('stops everything on Ctrl-C and leaves nothing listening', async () => {
    const apiPorts = [...dev!.output().matchAll(/port: (\d+)/g)].map((match) => Number(match[1]));
    expect(apiPorts.length).toBeGreaterThan(0);
    for (const port of apiPorts) expect(await statusOf(`http://127.0.0.1:${port}/healthz`)).toBe(200);
    // The dev server, its server build and its API child all run in the app's folder (seen where there is a /proc).
    const started = HAS_PROC ? processesIn(app) : [];
    if (HAS_PROC) expect(started.length).toBeGreaterThanOrEqual(3);

    dev!.child.kill('SIGINT');
    expect(await dev!.exited).toBe(0);
    // Checked at once: a child that outlives the dev server, even briefly, fails this.
    expect(started.filter(isRunning)).toEqual([]);
    for (const port of apiPorts) expect(await statusOf(`http://127.0.0.1:${port}/healthz`)).toBeUndefined();
    expect(await statusOf(dev!.url)).toBeUndefined();
  }, 60_000);
});
