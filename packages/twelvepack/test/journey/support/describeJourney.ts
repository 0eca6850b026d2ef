import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { describeWithBrowser, launchBrowser, SCREENSHOT_DIR } from '../../../src/testing/browser';
import { spawnServer, type SpawnedServer } from '../../../src/testing/spawnServer';
import { watchPage } from '../../../src/testing/watchPage';
import { packedTarball, PACKAGE_DIR } from '../../support/packedToolkit';
import { runCommand, type CommandResult } from '../../support/runCommand';

/** The toolkit's command line, as `npx twelvepack` runs it from a clone (its package.json `bin`). */
const BIN = join(PACKAGE_DIR, (JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { bin: { twelvepack: string } }).bin.twelvepack);

/** npm installs from the registry (through the shared npm cache): minutes, on a 2-core machine. */
const INSTALL_TIMEOUT_MS = 10 * 60_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

/**
 * A warning Node itself printed (`(node:1234) [DEP0040] DeprecationWarning: ...`): on a newer Node, a
 * deprecated API the toolkit or a dependency calls. npm's own `npm warn` lines are not Node's.
 */
const NODE_WARNING = /^\(node:\d+\) .*Warning: .*$/gm;
const nodeWarnings = (output: string) => output.match(NODE_WARNING) ?? [];

/** A result as a test failure shows it: the exit code and the command's last lines. */
const shown = ({ code, output }: CommandResult) => ({ code, tail: output.split('\n').slice(-40).join('\n') });

/** As much of the page's `window` as the check reads (the toolkit's Node code has no DOM types). */
type BrowserWindow = { document: { querySelector(selector: string): { textContent: string | null } | null } };

/** The app's own spec files (`*.test.ts`, `*.test.tsx`), relative to it, sorted: every one its `npm test` must run. */
function specFiles(app: string, dir = app): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : specFiles(app, join(dir, entry.name));
      return /\.test\.tsx?$/.test(entry.name) ? [relative(app, join(dir, entry.name))] : [];
    })
    .sort();
}

/** Where the new app's page shows what its API route answers (the route's JSON `message`). */
export interface ShownAnswer {
  readonly route: string;
  readonly selector: string;
  /** An imported image the page shows, sized by a CSS module's class: it loaded, and has this computed width. */
  readonly image?: { readonly selector: string; readonly width: string };
}

/** As much of an `<img>` as the check reads. */
type BrowserImage = { readonly complete: boolean; readonly naturalWidth: number };

/**
 * The whole journey of a new app, outside this repository, each step a real
 * child process: `twelvepack init --toolkit file:<tarball>` writes it into a
 * temp folder, depending on the packed toolkit, `npm install` builds it
 * (postinstall), its own `npm test` and `npm run typecheck` pass, and once
 * devDependencies are pruned (as a platform does) `npm start` serves `/` and
 * its hashed assets, and Chromium renders it without a console error. Each
 * step needs the ones before it, and says so when they failed.
 */
export function describeJourney(template: string, shows: ShownAnswer): void {
  describe(`a new ${template} app, from \`twelvepack init\` and the packed toolkit`, () => {
    let root = '';
    let app = '';
    const done = new Set<string>();
    const after = (step: string) => {
      if (!done.has(step)) throw new Error(`not run: the step "${step}" failed above`);
    };
    let server: SpawnedServer | undefined;

    beforeAll(() => {
      root = mkdtempSync(join(tmpdir(), `twelvepack-journey-${template}-`));
      app = join(root, `my-${template}-app`);
    });

    afterAll(() => {
      server?.kill();
      rmSync(root, { recursive: true, force: true });
    });

    it('is written by `twelvepack init DIR --template NAME --toolkit file:TARBALL`', async () => {
      const toolkit = `file:${packedTarball()}`;
      const result = await runCommand(process.execPath, [BIN, 'init', app, '--template', template, '--toolkit', toolkit], { cwd: root, timeoutMs: 60_000 });
      expect(shown(result)).toMatchObject({ code: 0 });
      expect(result.output).toContain('package.json');
      expect(result.output).toContain('npm install');
      const { dependencies } = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      expect(dependencies.twelvepack).toMatch(/^file:\.\.\/.*\.tgz$/);
      done.add('init');
    });

    it('installs the tarball, and its postinstall builds the app', async () => {
      after('init');
      const result = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: app, timeoutMs: INSTALL_TIMEOUT_MS });
      expect(shown(result)).toMatchObject({ code: 0 });
      // Installed from the tarball (a real folder, compiled JavaScript), not linked to this repository's sources.
      const installed = join(app, 'node_modules', 'twelvepack');
      expect({ symlink: lstatSync(installed).isSymbolicLink(), sources: existsSync(join(installed, 'src')), dist: existsSync(join(installed, 'dist')) }).toEqual({
        symlink: false,
        sources: false,
        dist: true,
      });
      expect({ client: existsSync(join(app, 'dist', 'client', 'index.html')), server: existsSync(join(app, 'dist', 'server', 'main.js')) }).toEqual({
        client: true,
        server: true,
      });
      // npm 12 skips the install scripts allowScripts does not list (better-sqlite3 would have no native part);
      // npm 11 lists exactly those, and here there are none.
      expect(result.output).not.toContain('install scripts not yet covered');
      // The build (postinstall) warns of nothing Node deprecates, on the Node running the spec.
      expect(nodeWarnings(result.output)).toEqual([]);
      const listed = await runCommand('npm', ['install-scripts', 'ls', '--json'], { cwd: app, timeoutMs: 60_000 });
      expect(JSON.parse(listed.output)).toEqual({ allowScripts: [] });
      done.add('install');
    }, INSTALL_TIMEOUT_MS + 30_000);

    it('passes its own `npm test`, every spec file it holds run and passed', async () => {
      after('install');
      const report = join(root, 'jest-report.json');
      expect(shown(await runCommand('npm', ['test', '--', '--json', `--outputFile=${report}`], { cwd: app, timeoutMs: STEP_TIMEOUT_MS }))).toMatchObject({ code: 0 });
      const { testResults } = JSON.parse(readFileSync(report, 'utf8')) as { testResults: { name: string; status: string }[] };
      const ran = testResults.map(({ name, status }) => ({ spec: relative(app, name), status })).sort((a, b) => a.spec.localeCompare(b.spec));
      expect(ran).toEqual(specFiles(app).map((spec) => ({ spec, status: 'passed' })));
    }, STEP_TIMEOUT_MS + 30_000);

    it('type-checks against the types the package ships (`npm run typecheck`)', async () => {
      after('install');
      expect(shown(await runCommand('npm', ['run', 'typecheck'], { cwd: app, timeoutMs: STEP_TIMEOUT_MS }))).toMatchObject({ code: 0 });
    }, STEP_TIMEOUT_MS + 30_000);

    it('serves its page and its API with `npm run dev` (the installed toolkit), and stops on Ctrl-C', async () => {
      after('install');
      // The installed package's own helper, so its own dist/cli runs, as the app's `npm run dev` does.
      const installed = join(app, 'node_modules', 'twelvepack', 'dist', 'testing', 'startDevServer.js');
      const { startDevServer } = require(installed) as typeof import('../../../src/testing/startDevServer');
      const dev = await startDevServer(app, {}, STEP_TIMEOUT_MS);
      try {
        const page = await fetch(`${dev.url}/`);
        expect({ status: page.status, html: (await page.text()).includes('<script') }).toEqual({ status: 200, html: true });
        const { status } = await fetch(`${dev.url}${shows.route}`);
        expect(status).toBe(200);
      } finally {
        await dev.stop();
      }
      expect(nodeWarnings(dev.output())).toEqual([]);
    }, STEP_TIMEOUT_MS + 30_000);

    it('keeps what it needs to serve when the platform prunes devDependencies (`npm prune --omit=dev`)', async () => {
      after('install');
      const result = await runCommand('npm', ['prune', '--omit=dev', '--no-audit', '--no-fund'], { cwd: app, timeoutMs: STEP_TIMEOUT_MS });
      expect(shown(result)).toMatchObject({ code: 0 });
      // What the build and the tests needed is gone, as on a Heroku-style slug.
      expect({ jest: existsSync(join(app, 'node_modules', 'jest')), typescript: existsSync(join(app, 'node_modules', 'typescript')) }).toEqual({
        jest: false,
        typescript: false,
      });
      done.add('prune');
    }, STEP_TIMEOUT_MS + 30_000);

    it('serves / and its hashed assets with `npm start`', async () => {
      after('prune');
      server = spawnServer({ dir: app, command: 'npm start' });
      const url = await server.ready(60_000);
      const page = await fetch(`${url}/`);
      expect({ status: page.status, type: page.headers.get('content-type') }).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.[0-9a-f]{8,}\.(?:js|css))"/g)].map((match) => match[1]!);
      expect(assets.length).toBeGreaterThan(0);
      for (const asset of assets) {
        const answer = await fetch(`${url}${asset}`);
        expect({ asset, status: answer.status, cache: answer.headers.get('cache-control') }).toEqual({
          asset,
          status: 200,
          cache: expect.stringContaining('immutable'),
        });
      }
      expect(nodeWarnings(server.stderr())).toEqual([]);
      done.add('start');
    }, 90_000);

    describeWithBrowser('in Chromium', () => {
      let browser: BrowserContext | undefined;
      afterAll(async () => browser?.close());

      it('renders what its API answers, without a console error', async () => {
        after('start');
        browser = await launchBrowser();
        const page = await browser.newPage();
        const watched = await watchPage(page);
        const url = await server!.ready();
        const { message } = (await (await fetch(`${url}${shows.route}`)).json()) as { message: string };
        await page.goto(`${url}/`);
        // Rendered by the app's code in the browser, from the answer of its API (not the HTML the server sent).
        await page.waitForFunction(({ selector, text }) => (globalThis as unknown as BrowserWindow).document.querySelector(selector)?.textContent === text, {
          selector: shows.selector,
          text: message,
        }, { timeout: 30_000 });
        if (shows.image !== undefined) {
          const image = await page.$eval(
            shows.image.selector,
            (element) => {
              const img = element as unknown as BrowserImage;
              const style = (globalThis as unknown as { getComputedStyle(e: unknown): { width: string } }).getComputedStyle(element);
              return { loaded: img.complete && img.naturalWidth > 0, width: style.width };
            },
          );
          expect(image).toEqual({ loaded: true, width: shows.image.width });
        }
        await page.screenshot({ path: join(SCREENSHOT_DIR, `journey-${template}.png`) });
        expect(await watched.problems()).toEqual([]);
      }, 90_000);

      it('renders it from the legacy bundle alone in a browser without fetch (its modern scripts refused, fetch deleted)', async () => {
        after('start');
        browser ??= await launchBrowser();
        const page = await browser.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        const url = await server!.ready();
        const { message } = (await (await fetch(`${url}${shows.route}`)).json()) as { message: string };
        // As in a browser older than the modern targets, the modern runtime never runs, so the page's fallback loads
        // the legacy scripts; and as in IE 11, there is no fetch until the legacy bundle's polyfill brings one.
        await page.route(/\.[0-9a-f]{8,}\.js$/, (route) => (/-legacy\.[0-9a-f]{8,}\.js$/.test(route.request().url()) ? route.continue() : route.abort()));
        await page.addInitScript({ content: "for (const name of ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal']) delete window[name];" });
        await page.goto(`${url}/`);
        await page.waitForFunction(({ selector, text }) => (globalThis as unknown as BrowserWindow).document.querySelector(selector)?.textContent === text, {
          selector: shows.selector,
          text: message,
        }, { timeout: 30_000 });
        expect({ polyfilled: await page.evaluate('window.fetch.polyfill === true'), errors }).toEqual({ polyfilled: true, errors: [] });
      }, 90_000);
    });
  });
}
