// What an ES5 browser (IE 11, the oldest the legacy bundle targets) lacks, and how a jsdom window is made to
// lack it too, so a missing polyfill fails a spec instead of an old browser.

/**
 * Built-ins deleted from the page's realm before its scripts run, as `Global` or `Owner.member` paths
 * (`Array.prototype.includes`, `Element.prototype.replaceChildren`). ES2015 and later globals, statics and
 * prototype methods (core-js polyfills these when Babel sees them used: a failure here means the usage was
 * hidden from it), and DOM methods IE 11 lacks that apps commonly call, most of which core-js does not
 * polyfill (an app writes the ES5-era equivalent). Names jsdom does not implement (fetch) are listed too, so
 * a jsdom that adds them still runs without them. Left in place: what IE 11 has, even partly (typed arrays,
 * Intl, MutationObserver, classList, dataset, requestAnimationFrame), symbol-keyed members such as
 * `Array.prototype[Symbol.iterator]` (unreachable once `Symbol` is gone, and jsdom's own iterators use them),
 * and constants the language makes undeletable (`Number.EPSILON`, `Number.MAX_SAFE_INTEGER`).
 */
export const MISSING_IN_ES5: readonly string[] = [
  // ES2015+ globals.
  ...['Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'WeakRef', 'FinalizationRegistry', 'Symbol', 'Reflect', 'Proxy'],
  ...['globalThis', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Float16Array', 'SharedArrayBuffer', 'Atomics'],
  ...['AggregateError', 'SuppressedError', 'DisposableStack', 'AsyncDisposableStack', 'Iterator'],
  // Web APIs newer than IE 11.
  ...['fetch', 'Headers', 'Request', 'Response', 'AbortController', 'AbortSignal', 'URL', 'URLSearchParams'],
  ...['TextEncoder', 'TextDecoder', 'queueMicrotask', 'structuredClone', 'requestIdleCallback', 'PromiseRejectionEvent'],
  ...['IntersectionObserver', 'ResizeObserver', 'PerformanceObserver', 'BroadcastChannel', 'EventSource', 'ReadableStream', 'customElements', 'ShadowRoot'],
  // Statics.
  ...members('Object', ['assign', 'entries', 'values', 'fromEntries', 'is', 'getOwnPropertySymbols', 'getOwnPropertyDescriptors', 'hasOwn', 'groupBy']),
  ...members('Array', ['from', 'of', 'fromAsync']),
  ...members('Number', ['isNaN', 'isInteger', 'isFinite', 'isSafeInteger', 'parseFloat', 'parseInt']),
  ...members('Math', ['trunc', 'sign', 'cbrt', 'log2', 'log10', 'log1p', 'expm1', 'hypot', 'clz32', 'imul', 'fround', 'acosh', 'asinh', 'atanh', 'cosh', 'sinh', 'tanh']),
  ...members('String', ['fromCodePoint', 'raw']),
  // Prototype methods.
  ...members('Array.prototype', ['includes', 'find', 'findIndex', 'findLast', 'findLastIndex', 'fill', 'flat', 'flatMap', 'at', 'entries', 'keys', 'values', 'copyWithin']),
  ...members('Array.prototype', ['toReversed', 'toSorted', 'toSpliced', 'with']),
  ...members('String.prototype', ['includes', 'startsWith', 'endsWith', 'repeat', 'padStart', 'padEnd', 'trimStart', 'trimEnd', 'trimLeft', 'trimRight']),
  ...members('String.prototype', ['codePointAt', 'normalize', 'at', 'replaceAll', 'matchAll', 'isWellFormed', 'toWellFormed']),
  // DOM: ChildNode and ParentNode methods (core-js has none of them), and other members IE 11 lacks.
  ...members('Element.prototype', ['append', 'prepend', 'replaceChildren', 'before', 'after', 'replaceWith', 'remove']),
  ...members('Element.prototype', ['closest', 'matches', 'webkitMatchesSelector', 'toggleAttribute', 'getAttributeNames', 'attachShadow']),
  ...members('CharacterData.prototype', ['before', 'after', 'replaceWith', 'remove']),
  ...members('DocumentType.prototype', ['before', 'after', 'replaceWith', 'remove']),
  ...members('Document.prototype', ['append', 'prepend', 'replaceChildren', 'currentScript']),
  ...members('DocumentFragment.prototype', ['append', 'prepend', 'replaceChildren']),
  ...members('Node.prototype', ['isConnected', 'getRootNode']),
  // core-js polyfills these (web.dom-collections.*) when Babel sees them used.
  ...members('NodeList.prototype', ['forEach', 'entries', 'keys', 'values']),
  ...members('DOMTokenList.prototype', ['forEach', 'entries', 'keys', 'values', 'replace', 'supports']),
];

/**
 * Constructors IE 11 has as objects but cannot `new` (it has `document.createEvent('CustomEvent')`), and
 * core-js does not polyfill: in the page they throw when called; `instanceof` and their prototypes still work.
 */
export const NOT_CONSTRUCTIBLE_IN_ES5: readonly string[] = ['Event', 'CustomEvent'];

/** The realm as this module reaches it: jsdom's window, with the page's globals as properties. */
type Realm = Record<string, unknown>;

/**
 * Makes a jsdom window (in `beforeParse`, before any script) lack what {@link MISSING_IN_ES5} and
 * {@link NOT_CONSTRUCTIBLE_IN_ES5} name, and gives it IE 11's `Element.prototype.msMatchesSelector`, so
 * code that falls back to it (`el.matches || el.msMatchesSelector`) behaves as in IE 11. jsdom keeps
 * working: its own code runs in Node's realm and took what it needs from this one when it was set up.
 */
export function stripToEs5(window: Realm): void {
  const elementPrototype = (window.Element as { prototype: Realm }).prototype;
  const matches = Object.getOwnPropertyDescriptor(elementPrototype, 'matches');
  for (const path of MISSING_IN_ES5) remove(window, path);
  if (matches !== undefined) Object.defineProperty(elementPrototype, 'msMatchesSelector', matches);
  for (const name of NOT_CONSTRUCTIBLE_IN_ES5) window[name] = notConstructible(window, name);
}

function members(owner: string, names: readonly string[]): string[] {
  return names.map((name) => `${owner}.${name}`);
}

function remove(window: Realm, path: string): void {
  const parts = path.split('.');
  const name = parts.pop()!;
  const owner = parts.reduce<Realm | undefined>((object, part) => object?.[part] as Realm | undefined, window);
  if (owner === undefined || !(name in owner)) return;
  // Each path names the member's owner (jsdom copies the ChildNode mixin onto Element.prototype,
  // CharacterData.prototype and DocumentType.prototype): still reachable afterwards means a wrong path.
  if (!Reflect.deleteProperty(owner, name) || name in owner) {
    throw new Error(`twelvepack/testing: could not remove ${path} from the ES5 realm (it is not an own, configurable property). Fix MISSING_IN_ES5 in src/testing/missingInEs5.ts.`);
  }
}

function notConstructible(window: Realm, name: string): Function {
  const original = window[name] as Function;
  // Made by the realm's own Function, so what it throws is the page's TypeError, as a built-in's would be.
  const message = `Object doesn't support this action (${name} is not a constructor in IE 11: use document.createEvent('${name}'))`;
  const replacement = new (window.Function as FunctionConstructor)(`throw new TypeError(${JSON.stringify(message)});`);
  for (const key of Object.getOwnPropertyNames(original)) {
    if (key !== 'name' && key !== 'length') Object.defineProperty(replacement, key, Object.getOwnPropertyDescriptor(original, key)!);
  }
  return replacement;
}
