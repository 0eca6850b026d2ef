// The legacy bundle's web APIs: what its browsers lack (fetch, AbortController, TextEncoder...) is polyfilled for the
// modules that name it, or fails the build naming the global, the module and the fixes; the modern bundle gets none
// of it. Real builds, run in the ES5 realm and in Chromium with fetch taken away.
import type { BrowserContext } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithBrowser, launchBrowser } from '../../src/testing/browser';
import { runBuildInEs5Realm } from './runBuildInEs5Realm';
import { runFixtureBuild, type FixtureOutput } from './runFixtureBuild';
import { serveBuild } from './serveBuild';

/** A page that asks its API with fetch (and a signal it could abort with) and shows the answer. */
const FETCHES = {
  'src/asks.ts': [
    'const controller = new AbortController();',
    "fetch('/api/answer', { signal: controller.signal, headers: new Headers({ accept: 'application/json' }) })",
    '  .then((response) => response.json())',
    '  .then((body: { answer: string }) => { document.body.dataset.out = body.answer; })',
    "  .catch((error: Error) => { document.body.dataset.out = `failed: ${error.message}`; });",
    '',
  ].join('\n'),
};
const ANSWERS = { '/api/answer': { answer: 'forty-two' } };
const POLYFILL_SOURCES = /whatwg-fetch\/|abortcontroller-polyfill\/|fast-text-encoding\/|client\/polyfills\//;

/** The sources a script's source map names that are polyfills of web APIs. */
const webApiPolyfillsOf = (build: FixtureOutput, file: string) =>
  (JSON.parse(build.read(`${file}.map`)) as { sources: string[] }).sources.filter((source) => POLYFILL_SOURCES.test(source)).map((source) => source.replace(/^.*node_modules\//, ''));
const scripts = (build: FixtureOutput, legacy: boolean) => build.files.filter((file) => file.endsWith('.js') && file.includes('-legacy.') === legacy);
const allPolyfills = (build: FixtureOutput, legacy: boolean) => scripts(build, legacy).flatMap((file) => webApiPolyfillsOf(build, file));

describe('fetch in the legacy bundle', () => {
  let build: FixtureOutput;
  beforeAll(async () => {
    build = await runFixtureBuild({ bundle: 'app', entry: './src/asks.ts', files: FETCHES });
  });

  it('builds, and the legacy scripts carry whatwg-fetch and abortcontroller-polyfill', () => {
    expect(build.errors).toEqual([]);
    expect(allPolyfills(build, true)).toEqual(expect.arrayContaining(['whatwg-fetch/fetch.js', 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only.js']));
  });

  it('fetches the API in the ES5 realm, which has no fetch, AbortController or Headers, with no error', async () => {
    const run = await runBuildInEs5Realm(build, ANSWERS);
    expect({ out: run.out, errors: run.errors }).toEqual({ out: 'forty-two', errors: [] });
  });

  it('leaves the modern bundle without any of it: its browsers all have fetch', () => {
    expect(scripts(build, false).length).toBeGreaterThan(0);
    expect(allPolyfills(build, false)).toEqual([]);
  });
});

describe('a legacy bundle that never names fetch', () => {
  it('gets no web API polyfill at all', async () => {
    const build = await runFixtureBuild({ entry: './src/quiet.ts', files: { 'src/quiet.ts': "document.body.dataset.out = ['a', 'b'].join(',');\n" } });
    expect(build.errors).toEqual([]);
    expect(scripts(build, false).flatMap((file) => webApiPolyfillsOf(build, file))).toEqual([]);
  });
});

describe('a module that tests for a global the toolkit polyfills', () => {
  it("is left the browser's: nothing bundled for it (React tests `typeof AbortController` and brings its own fallback)", async () => {
    const source = "var Controller = typeof AbortController !== 'undefined' ? AbortController : function Fallback() {};\ndocument.body.dataset.out = typeof new Controller();\n";
    const build = await runFixtureBuild({ entry: './src/tests.ts', files: { 'src/tests.ts': source } });
    expect(build.errors).toEqual([]);
    expect(scripts(build, false).flatMap((file) => webApiPolyfillsOf(build, file))).toEqual([]);
    expect((await runBuildInEs5Realm(build)).out).toBe('object');
  });
});

describe('TextEncoder and TextDecoder in the legacy bundle', () => {
  it('are fast-text-encoding’s in the ES5 realm, and round-trip UTF-8', async () => {
    const source = "const bytes = new TextEncoder().encode('héllo');\ndocument.body.dataset.out = `${bytes.length} ${new TextDecoder().decode(bytes)}`;\n";
    const build = await runFixtureBuild({ entry: './src/encodes.ts', files: { 'src/encodes.ts': source } });
    expect(build.errors).toEqual([]);
    const run = await runBuildInEs5Realm(build);
    expect({ out: run.out, errors: run.errors }).toEqual({ out: '6 héllo', errors: [] });
  });
});

describe('a global the toolkit has no polyfill for', () => {
  const OBSERVES = { 'src/observes.ts': 'new ResizeObserver(() => undefined).observe(document.body);\n' };

  it('fails the legacy build, naming the global, the module, the browsers and the fixes', async () => {
    const build = await runFixtureBuild({ entry: './src/observes.ts', files: OBSERVES });
    expect(build.errors).toHaveLength(1);
    const [error] = build.errors;
    expect(error).toMatch(/ResizeObserver is used by \S*src\/observes\.ts, but some of the legacy bundle's browsers lack it \([^)]*ie 11/);
    expect(error).toContain('npm install @juggle/resize-observer');
    expect(error).toContain('window.ResizeObserver = window.ResizeObserver || Polyfill');
    expect(error).toContain("typeof ResizeObserver !== 'undefined'");
    expect(error).toContain('TWELVEPACK_LEGACY_BUNDLE=false');
  });

  it('fails a rebuild from the persistent cache too', async () => {
    const cacheDirectory = mkdtempSync(join(tmpdir(), 'twelvepack-webapi-cache-'));
    // A module of the fixture app itself, so the second build restores it from the cache instead of parsing it.
    const first = await runFixtureBuild({ entry: 'usesResizeObserver.ts', cacheDirectory });
    const second = await runFixtureBuild({ entry: 'usesResizeObserver.ts', cacheDirectory });
    expect(second.errors).toEqual(first.errors);
    expect(second.errors[0]).toMatch(/ResizeObserver is used by src\/usesResizeObserver\.ts/);
  });

  it('passes where the module tests for it first (typeof), and does without it', async () => {
    const source = "if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => undefined).observe(document.body);\ndocument.body.dataset.out = 'ok';\n";
    const build = await runFixtureBuild({ entry: './src/tests.ts', files: { 'src/tests.ts': source } });
    expect(build.errors).toEqual([]);
    expect((await runBuildInEs5Realm(build)).out).toBe('ok');
  });

  it('passes where a module of the build puts a polyfill on the window', async () => {
    const files = {
      'src/polyfill.js': 'window.IntersectionObserver = window.IntersectionObserver || function IntersectionObserver() { this.observe = function () {}; };\n',
      'src/watches.ts': "import './polyfill.js';\nnew IntersectionObserver(() => undefined).observe(document.body);\ndocument.body.dataset.out = 'ok';\n",
    };
    const build = await runFixtureBuild({ entry: './src/watches.ts', files });
    expect(build.errors).toEqual([]);
    expect((await runBuildInEs5Realm(build)).out).toBe('ok');
  });

  it('is no concern of the modern bundle', async () => {
    const build = await runFixtureBuild({ bundle: 'modern', entry: './src/observes.ts', files: OBSERVES });
    expect(build.errors).toEqual([]);
  });
});

describeWithBrowser('the legacy bundle alone, in Chromium with fetch taken away', () => {
  let browser: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the API's answer through the polyfill", async () => {
    const build = await runFixtureBuild({ entry: './src/asks.ts', files: FETCHES });
    expect(build.errors).toEqual([]);
    const served = await serveBuild(build, ANSWERS);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    // Before any of the page's scripts: this Chromium is IE 11 as far as these globals go.
    await page.addInitScript({ content: "for (const name of ['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal']) delete window[name];" });
    try {
      await page.goto(served.url);
      await page.waitForFunction('document.body.dataset.out !== undefined');
      expect({ out: await page.evaluate('document.body.dataset.out'), polyfilled: await page.evaluate('window.fetch.polyfill === true'), errors }).toEqual({ out: 'forty-two', polyfilled: true, errors: [] });
    } finally {
      await page.close();
      await served.close();
    }
  });
});
