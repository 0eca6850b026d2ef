import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { MISSING_IN_ES5, NOT_CONSTRUCTIBLE_IN_ES5 } from '../../src/testing/missingInEs5';
import { runInEs5Realm, type Es5Realm } from '../../src/testing/runInEs5Realm';

const TOOLKIT = join(__dirname, '..', '..');

/** What the pages below leave on their window for the spec to read. */
type PageWindow = Window & {
  report?: string;
  legacyRan?: boolean;
  inlineNomoduleRan?: boolean;
  inlineModuleRan?: boolean;
};

const page = (body: string) => `<!doctype html><html><head><title>page</title></head><body>${body}</body></html>`;
const done = 'document.body.setAttribute("data-done", "true");';
const isDone = (window: PageWindow) => window.document.body?.getAttribute('data-done') === 'true';

/** Evaluated by the page itself: which listed names it can still reach, and what `typeof` it sees. */
const probe = `
  var paths = ${JSON.stringify(MISSING_IN_ES5)};
  var reachable = [];
  for (var i = 0; i < paths.length; i++) {
    var parts = paths[i].split('.'), owner = window;
    for (var j = 0; j < parts.length - 1 && owner; j++) owner = owner[parts[j]];
    if (owner && parts[parts.length - 1] in owner) reachable.push(paths[i]);
  }
  var constructible = [];
  var names = ${JSON.stringify(NOT_CONSTRUCTIBLE_IN_ES5)};
  for (var k = 0; k < names.length; k++) {
    try { new window[names[k]]('x'); constructible.push(names[k]); } catch (e) {}
  }
  window.report = JSON.stringify({
    reachable: reachable,
    constructible: constructible,
    seen: { Promise: typeof Promise, Map: typeof Map, Symbol: typeof Symbol, assign: typeof Object.assign, includes: typeof [].includes },
    customEventIsEvent: document.createEvent('CustomEvent') instanceof CustomEvent,
    msMatchesSelector: typeof document.body.msMatchesSelector
  });
`;

const FILES: Record<string, string> = {
  'missing.html': page(
    `<script>${probe}</script>` +
      ['assign', 'map', 'promise', 'includes'].map((name) => `<script src="/uses-${name}.js"></script>`).join('') +
      `<script>${done}</script>`,
  ),
  'uses-assign.js': 'Object.assign({}, { a: 1 });',
  'uses-map.js': 'new Map();',
  'uses-promise.js': 'Promise.resolve(1);',
  'uses-includes.js': '[1, 2].includes(2);',
  'modules.html': page(
    '<script type="module" src="/module.js"></script><script type="module">window.inlineModuleRan = true;</script>' +
      '<script nomodule defer src="/legacy.js"></script><script nomodule>window.inlineNomoduleRan = true;</script>',
  ),
  'module.js': 'window.moduleRan = true;',
  'legacy.js': `window.legacyRan = true; ${done}`,
  'polyfilled.html': page('<main id="app"></main><script src="/polyfill.js"></script><script src="/app.js"></script>'),
  'polyfill.js': `
    Object.assign = function (target) {
      for (var i = 1; i < arguments.length; i++) for (var key in arguments[i]) target[key] = arguments[i][key];
      return target;
    };
    Array.prototype.includes = function (value) { return this.indexOf(value) !== -1; };`,
  'app.js': `
    setTimeout(function () {
      var root = document.getElementById('app');
      var matches = root.matches || root.msMatchesSelector;
      var options = Object.assign({}, { name: 'Polyfilled' });
      var heading = document.createElement('h1');
      heading.appendChild(document.createTextNode(['a', 'b'].includes('b') && matches.call(root, '#app') ? options.name : 'wrong'));
      root.appendChild(heading);
      root.setAttribute('data-ready', 'true');
    }, 50);`,
  'noisy.html': page(
    `<script src="/missing.js"></script><script>
      console.error('logged', 'on purpose');
      var event = document.createEvent('Event');
      event.initEvent('unhandledrejection', false, true);
      event.reason = new Error('rejected on purpose');
      window.dispatchEvent(event);
      ${done}
    </script>`,
  ),
  'never-ready.html': page('<script src="/uses-map.js"></script>'),
};

const CONTENT_TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

describe('runInEs5Realm: a page run with ES5 built-ins only', () => {
  let dir: string;
  let server: Server;
  let base: string;
  const requested: string[] = [];
  let realm: Es5Realm<PageWindow> | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-es5-realm-'));
    for (const [name, content] of Object.entries(FILES)) writeFileSync(join(dir, name), content);
    server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      requested.push(path);
      const file = path.slice(1);
      if (!Object.hasOwn(FILES, file)) return void res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': CONTENT_TYPES[extname(file)]! }).end(readFileSync(join(dir, file)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(() => {
    realm?.close();
    realm = undefined;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it("deletes every listed built-in before the page's first script runs, as that script sees it", async () => {
    realm = await runInEs5Realm<PageWindow>({ url: `${base}/missing.html`, until: isDone });
    const report = JSON.parse(realm.window.report!) as Record<string, unknown>;
    expect(report.reachable).toEqual([]);
    expect(report.constructible).toEqual([]);
    expect(report.seen).toEqual({ Promise: 'undefined', Map: 'undefined', Symbol: 'undefined', assign: 'undefined', includes: 'undefined' });
    // What IE 11 has instead stays usable.
    expect(report.customEventIsEvent).toBe(true);
    expect(report.msMatchesSelector).toBe('function');
  });

  it('reports each use of a missing built-in once, as an error naming it', async () => {
    realm = await runInEs5Realm<PageWindow>({ url: `${base}/missing.html`, until: isDone });
    expect(realm.errors.map((error) => error.kind)).toEqual(['error', 'error', 'error', 'error']);
    const messages = realm.errors.map((error) => error.message);
    expect(messages[0]).toMatch(/^TypeError: Object\.assign is not a function \(.*\/uses-assign\.js:1\)$/);
    expect(messages[1]).toMatch(/^ReferenceError: Map is not defined /);
    expect(messages[2]).toMatch(/^ReferenceError: Promise is not defined /);
    expect(messages[3]).toMatch(/^TypeError: \[1,2\]\.includes is not a function /);
  });

  it('never fetches nor runs a type="module" script, and runs the nomodule ones, as IE 11 does', async () => {
    realm = await runInEs5Realm<PageWindow>({ url: `${base}/modules.html`, until: (window) => window.legacyRan === true && window.inlineNomoduleRan === true });
    expect(realm.scripts).toEqual([{ url: `${base}/legacy.js`, type: null, nomodule: true }]);
    expect(requested).not.toContain('/module.js');
    expect(realm.window.inlineModuleRan).toBeUndefined();
    expect(realm.errors).toEqual([]);
  });

  it('renders a page whose scripts bring what they use, with no errors', async () => {
    realm = await runInEs5Realm<PageWindow>({ url: `${base}/polyfilled.html`, until: (window) => window.document.querySelector('#app[data-ready="true"]') !== null });
    expect(realm.window.document.querySelector('h1')?.textContent).toBe('Polyfilled');
    expect(realm.scripts.map((script) => script.url)).toEqual([`${base}/polyfill.js`, `${base}/app.js`]);
    expect(realm.errors).toEqual([]);
  });

  it('collects console errors, unhandled rejections and scripts that failed to load', async () => {
    realm = await runInEs5Realm<PageWindow>({ url: `${base}/noisy.html`, until: isDone });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(realm.errors).toEqual(
      expect.arrayContaining([
        { kind: 'console.error', message: 'logged on purpose' },
        { kind: 'unhandledrejection', message: 'Error: rejected on purpose' },
        { kind: 'jsdom:resource-loading', message: expect.stringContaining(`/missing.js`) },
      ]),
    );
    expect(realm.errors).toHaveLength(3);
  });

  it('rejects after the timeout with the errors it collected and what to check', async () => {
    const run = runInEs5Realm<PageWindow>({ url: `${base}/never-ready.html`, until: isDone, timeoutMs: 300 });
    const message = await run.then(() => 'resolved', (error: Error) => error.message);
    expect(message).toContain(`${base}/never-ready.html did not meet the \`until\` condition within 300 ms.`);
    expect(message).toMatch(/Errors in the page \(1\):\n  - error: ReferenceError: Map is not defined \(.*\/uses-map\.js:1\) \[missing in ES5: Map\]\n/);
    expect(message).toContain(`Scripts it fetched: ${base}/uses-map.js.`);
    expect(message).toContain('names a built-in from MISSING_IN_ES5');
  });

  it('says what to pass when the options are wrong or the page is missing', async () => {
    await expect(runInEs5Realm({ url: 'dist/client/index.html', until: 'ready' as never, timeoutMs: -1 })).rejects.toThrow(
      /^runInEs5Realm: url must be the http:\/\/ URL of a page on a running server \(got 'dist\/client\/index.html'\).*; until must be a function .*; timeoutMs must be a positive number/,
    );
    await expect(runInEs5Realm({ url: `${base}/nowhere.html`, until: () => true })).rejects.toThrow(`runInEs5Realm: could not load ${base}/nowhere.html: Resource was not loaded. Status: 404.`);
  });

  it('runs in a process where a polyfill left a global that the window realm lacks (core-js run by a build)', async () => {
    const child = `
      globalThis.Iterator = function Iterator() {};
      require(${JSON.stringify(join(TOOLKIT, 'src', 'cli', 'registerTypeScript.js'))});
      const { runInEs5Realm } = require(${JSON.stringify(join(TOOLKIT, 'src', 'testing', 'runInEs5Realm.ts'))});
      runInEs5Realm({ url: ${JSON.stringify(`${base}/modules.html`)}, until: (window) => window.legacyRan === true }).then(
        (realm) => { console.log(JSON.stringify({ errors: realm.errors, iterator: typeof Iterator })); realm.close(); },
        (error) => console.log(JSON.stringify({ failed: error.message })),
      );`;
    // Asynchronous, so this process's server answers the child's requests.
    const { stdout } = await promisify(execFile)(process.execPath, ['-e', child], { cwd: TOOLKIT, encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(stdout)).toEqual({ errors: [], iterator: 'function' });
  });

  it('leaves twelvepack/testing importable without jsdom (an optional peer), and says what to install', () => {
    const child = `
      const Module = require('node:module');
      const resolve = Module._resolveFilename;
      Module._resolveFilename = function (request, ...rest) {
        if (request === 'jsdom') throw Object.assign(new Error("Cannot find module 'jsdom'"), { code: 'MODULE_NOT_FOUND' });
        return resolve.call(this, request, ...rest);
      };
      require(${JSON.stringify(join(TOOLKIT, 'src', 'cli', 'registerTypeScript.js'))});
      const testing = require(${JSON.stringify(join(TOOLKIT, 'src', 'testing', 'index.ts'))});
      testing.runInEs5Realm({ url: 'http://127.0.0.1:9/', until: () => true }).then(
        () => console.log(JSON.stringify({ ran: true })),
        (error) => console.log(JSON.stringify({ exports: Object.keys(testing), error: error.message })),
      );`;
    const run = spawnSync(process.execPath, ['-e', child], { cwd: TOOLKIT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { exports: string[]; error: string };
    expect(result.exports).toEqual(expect.arrayContaining(['runInEs5Realm', 'MISSING_IN_ES5', 'spawnServer']));
    expect(result.error).toContain('runInEs5Realm needs jsdom, an optional peer dependency of twelvepack');
  });
});
