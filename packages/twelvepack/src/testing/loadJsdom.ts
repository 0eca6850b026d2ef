import { runInNewContext, runInThisContext } from 'node:vm';

// The few members of jsdom that runInEs5Realm uses, typed here: @types/jsdom loads the DOM lib into every
// program that imports it, which would give the toolkit's Node code (and every app's program that imports
// twelvepack/testing) DOM globals that do not exist there.

/** A `<script>` (or other) element as jsdom hands it to a resource loader. */
export interface JsdomElement {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
}
/** What jsdom passes to ResourceLoader#fetch; element is absent for the page itself. */
export interface JsdomFetchOptions {
  readonly element?: JsdomElement;
}
/** The window, as runInEs5Realm drives it. */
export interface JsdomWindow {
  addEventListener(type: string, listener: (event: never) => void): void;
  close(): void;
}
/** What JSDOM.fromURL resolves with. */
export interface JsdomInstance {
  readonly window: JsdomWindow;
}
/** A "jsdomError" of the virtual console: type is unhandled-exception, resource-loading, not-implemented... */
export type JsdomError = Error & { readonly type?: string; readonly cause?: unknown };
/** The jsdom module. */
export interface Jsdom {
  JSDOM: { fromURL(url: string, options: Record<string, unknown> & { beforeParse(window: JsdomWindow): void }): Promise<JsdomInstance> };
  ResourceLoader: new () => { fetch(url: string, options: JsdomFetchOptions): Promise<unknown> | null };
  VirtualConsole: new () => { on(event: string, listener: (...args: never[]) => void): unknown };
}

/**
 * jsdom, loaded when a page is run rather than when twelvepack/testing is imported: it is an optional
 * peer dependency, which npm does not install, and an app without an ES5 spec imports the rest without it.
 */
export function loadJsdom(): Jsdom {
  // Node's own require, not the caller's: under jest, its module registry cannot load jsdom 27's ESM-only
  // dependencies (@exodus/bytes), which Node 20.19's require(esm) loads as they are.
  const load = process.getBuiltinModule('node:module').createRequire(__filename);
  try {
    load.resolve('jsdom');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(
      'twelvepack/testing: runInEs5Realm needs jsdom, an optional peer dependency of twelvepack that npm does not install. ' +
        "Add it to the app's devDependencies at the version twelvepack's package.json names in peerDependencies (npm install --save-dev --save-exact jsdom@<that version>).",
    );
  }
  return withoutForeignGlobals(jsGlobalNames(load), () => load('jsdom') as Jsdom);
}

/**
 * jsdom decides once, as it loads, which ECMAScript globals a window gets: those of its list that Node's global
 * has, each then read from the window's own realm. A polyfill that ran in this process adds names that realm
 * lacks (a webpack build executing core-js at build time leaves `Iterator` on Node 20's global), and every
 * window then fails to be made ("Iterator is not defined"). Such names are hidden while jsdom loads.
 */
function withoutForeignGlobals<T>(names: readonly string[], load: () => T): T {
  const native = new Set(runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]);
  // Node's global, the one jsdom sees: under jest, this module's globalThis is the test's sandbox.
  const global = runInThisContext('globalThis') as Record<string, unknown>;
  const hidden = names
    .filter((name) => !native.has(name))
    .map((name) => [name, Object.getOwnPropertyDescriptor(global, name)] as const)
    .filter((entry): entry is readonly [string, PropertyDescriptor] => entry[1]?.configurable === true);
  for (const [name] of hidden) delete global[name];
  try {
    return load();
  } finally {
    for (const [name, descriptor] of hidden) Object.defineProperty(global, name, descriptor);
  }
}

/** The names jsdom copies into a window (its lib/jsdom/browser/js-globals.json), or none if a later jsdom moved the list. */
function jsGlobalNames(load: NodeJS.Require): string[] {
  try {
    return Object.keys(load('jsdom/lib/jsdom/browser/js-globals.json') as Record<string, unknown>);
  } catch {
    return [];
  }
}
