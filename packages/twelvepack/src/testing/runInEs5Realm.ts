import { format, inspect } from 'node:util';
import { loadJsdom, type JsdomError, type JsdomFetchOptions, type JsdomInstance } from './loadJsdom';
import { MISSING_IN_ES5, stripToEs5 } from './missingInEs5';

// The page runs in jsdom, whose script handling is IE 11's where it matters here (jsdom 27, verified by
// test/testing/runInEs5Realm.test.ts): a `<script type="module">` is never fetched nor run (jsdom runs only
// classic scripts), and a `<script nomodule>` is fetched and run (jsdom ignores the attribute). So a page with
// both bundles runs exactly the legacy one, with ES5 built-ins only (see missingInEs5.ts).

/** What a spec reads of the page's window unless it names a type (`runInEs5Realm<Window>` with the DOM lib). */
export interface RealmWindow {
  readonly document: unknown;
  readonly [global: string]: unknown;
}

/** Options for {@link runInEs5Realm}. */
export interface Es5RealmOptions<W = RealmWindow> {
  /** The page, on a running server: `http://127.0.0.1:<port>/`. */
  readonly url: string;
  /** The run resolves once this returns true (checked every 25 ms; a throw counts as "not yet"). */
  readonly until: (window: W) => boolean;
  /** How long to wait for `until`, in ms. */
  readonly timeoutMs?: number;
}

/** One thing that went wrong in the page: kind is `error`, `unhandledrejection`, `console.error` or `jsdom:<type>`. */
export interface RealmError {
  readonly kind: string;
  readonly message: string;
}

/** A script the page fetched, with what its tag said. */
export interface FetchedScript {
  readonly url: string;
  readonly type: string | null;
  readonly nomodule: boolean;
}

/** A page running in the ES5 realm; errors and scripts keep being collected until close(). */
export interface Es5Realm<W = RealmWindow> {
  readonly window: W;
  readonly errors: readonly RealmError[];
  readonly scripts: readonly FetchedScript[];
  /** Closes the window: its timers stop and its requests are aborted. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 5000;

/**
 * Loads a page in jsdom with the ES2015+ built-ins an ES5 browser lacks deleted before its scripts run (and
 * only its classic and `nomodule` scripts run), collecting uncaught errors, unhandled rejections, console
 * errors and jsdom's own (a script that failed to load), until `until(window)` holds. Rejects after
 * `timeoutMs` (5 s by default) with everything it collected.
 */
export async function runInEs5Realm<W = RealmWindow>(options: Es5RealmOptions<W>): Promise<Es5Realm<W>> {
  const { url, until, timeoutMs = DEFAULT_TIMEOUT_MS } = checkOptions(options);
  const { JSDOM, ResourceLoader, VirtualConsole } = loadJsdom();
  const errors: RealmError[] = [];
  const scripts: FetchedScript[] = [];
  const reported = new Set<unknown>();

  // A ResourceLoader as `resources` loads what `resources: 'usable'` does (the page, scripts, stylesheets), over HTTP.
  class RecordingLoader extends ResourceLoader {
    fetch(resource: string, fetchOptions: JsdomFetchOptions) {
      const request = super.fetch(resource, fetchOptions);
      const { element } = fetchOptions;
      if (element?.localName === 'script') scripts.push({ url: resource, type: element.getAttribute('type'), nomodule: element.hasAttribute('nomodule') });
      return request;
    }
  }

  const virtualConsole = new VirtualConsole();
  virtualConsole.on('error', (...args: unknown[]) => errors.push({ kind: 'console.error', message: format(...args) }));
  virtualConsole.on('jsdomError', (error: JsdomError) => {
    // An uncaught exception reached the window's error listener below already.
    if (error.type === 'unhandled-exception' && reported.has(error.cause)) return;
    const cause = error.cause as { message?: unknown } | undefined;
    const detail = typeof cause?.message === 'string' && cause.message !== '' ? ` (${cause.message})` : '';
    errors.push({ kind: `jsdom:${error.type ?? 'error'}`, message: `${error.message}${detail}` });
  });

  let dom: JsdomInstance;
  try {
    dom = await JSDOM.fromURL(url, {
      runScripts: 'dangerously',
      resources: new RecordingLoader(),
      pretendToBeVisual: true,
      virtualConsole,
      beforeParse(window) {
        stripToEs5(window as unknown as Record<string, unknown>);
        window.addEventListener('error', (event: { error?: unknown; message?: string; filename?: string; lineno?: number }) => {
          reported.add(event.error);
          errors.push({ kind: 'error', message: `${describe(event.error, event.message)} (${event.filename ?? '?'}:${event.lineno ?? 0})` });
        });
        // core-js's Promise dispatches this (a plain Event) where PromiseRejectionEvent is missing.
        window.addEventListener('unhandledrejection', (event: { reason?: unknown }) => {
          errors.push({ kind: 'unhandledrejection', message: describe(event.reason) });
        });
      },
    });
  } catch (error) {
    throw new Error(`runInEs5Realm: could not load ${url}: ${(error as Error).message.replace(/\.$/, '')}. Check that a server is listening there and serves the page at that path (spawnServer's ready() resolves with its root URL).`);
  }
  const { window } = dom;
  const realm: Es5Realm<W> = { window: window as unknown as W, errors, scripts, close: () => window.close() };
  await waitFor(() => until(realm.window), timeoutMs).catch((lastThrow: unknown) => {
    realm.close();
    throw new Error(timeoutMessage(url, timeoutMs, errors, scripts, lastThrow));
  });
  return realm;
}

/** Resolves once check() returns true; rejects after timeoutMs with what the last throwing check threw. */
function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let lastThrow: unknown;
    const attempt = () => {
      try {
        return check();
      } catch (error) {
        lastThrow = error;
        return false;
      }
    };
    if (attempt()) return resolve();
    const started = Date.now();
    const timer = setInterval(() => {
      if (attempt()) {
        clearInterval(timer);
        resolve();
      } else if (Date.now() - started >= timeoutMs) {
        clearInterval(timer);
        reject(lastThrow);
      }
    }, 25);
  });
}

function timeoutMessage(url: string, timeoutMs: number, errors: readonly RealmError[], scripts: readonly FetchedScript[], lastThrow: unknown): string {
  const lines = [`runInEs5Realm: ${url} did not meet the \`until\` condition within ${timeoutMs} ms.`];
  lines.push(errors.length === 0 ? 'No errors in the page.' : `Errors in the page (${errors.length}):`);
  for (const { kind, message } of errors) lines.push(`  - ${kind}: ${message}${missingHint(message)}`);
  lines.push(`Scripts it fetched: ${scripts.length === 0 ? 'none' : scripts.map((script) => script.url).join(', ')}.`);
  if (lastThrow !== undefined) lines.push(`The condition last threw: ${describe(lastThrow)}.`);
  lines.push(
    'Check: that the legacy bundle polyfills what it uses ("X is not defined" or "X is not a function" names a built-in from MISSING_IN_ES5), ' +
      'that its scripts are classic or nomodule ones and loaded (a failed load shows as jsdom:resource-loading), ' +
      'and that the condition matches what the page shows; raise timeoutMs if the page is only slow.',
  );
  return lines.join('\n');
}

/** Which listed built-ins an error's name could be (minified code says `a.append is not a function`). */
function missingHint(message: string): string {
  const name = /(?:^|[\s.])([\w$]+) is not (?:defined|a function|a constructor)/.exec(message)?.[1];
  const candidates = name === undefined ? [] : MISSING_IN_ES5.filter((path) => path === name || path.endsWith(`.${name}`));
  return candidates.length === 0 ? '' : ` [missing in ES5: ${candidates.join(', ')}]`;
}

function describe(value: unknown, fallback?: string): string {
  const error = value as { name?: unknown; message?: unknown } | null | undefined;
  if (typeof error?.message === 'string') return `${typeof error.name === 'string' ? error.name : 'Error'}: ${error.message}`;
  return fallback ?? format(value);
}

function checkOptions<W>(options: Es5RealmOptions<W>): Es5RealmOptions<W> {
  const given = options as Partial<Es5RealmOptions<W>> | undefined;
  const problems: string[] = [];
  if (typeof given?.url !== 'string' || !/^https?:\/\/[^/]/.test(given.url)) {
    problems.push(`url must be the http:// URL of a page on a running server (got ${inspect(given?.url)}); spawnServer's ready() resolves with one`);
  }
  if (typeof given?.until !== 'function') {
    problems.push(`until must be a function of the window that returns true once the page is ready (got ${inspect(given?.until)})`);
  }
  const { timeoutMs } = given ?? {};
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    problems.push(`timeoutMs must be a positive number of milliseconds (got ${inspect(timeoutMs)}); leave it out for ${DEFAULT_TIMEOUT_MS}`);
  }
  if (problems.length > 0) throw new TypeError(`runInEs5Realm: ${problems.join('; ')}.`);
  return options;
}
