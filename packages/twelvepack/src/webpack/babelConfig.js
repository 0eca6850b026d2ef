// The one transpiler for browser code, server code, webpack.config.ts and jest.
// Browser builds ask for it with caller.twelvepackTarget: 'browser' for the legacy
// bundle, 'browser-modern' for the modern one (set in src/webpack/createModuleRules.ts);
// every other caller runs on Node.

const { statSync } = require('node:fs');
const { join, sep } = require('node:path');
const { LEGACY_BROWSERS, MODERN_BROWSERS } = require('./browserTargets');
const { readJsxImportSource } = require('./readJsxImportSource');

/** Node version the server, the config file and the tests run on (engines.node). */
const NODE_TARGET = '20.19';

/** The installed @babel/runtime, so the plugin may use every helper it has. */
const RUNTIME_VERSION = require('@babel/runtime/package.json').version;

// Code that must not be transpiled with usage polyfills: core-js would import
// itself, and webpack's runtime is already what it must be.
const UNTOUCHABLE = /[\\/]node_modules[\\/](core-js|regenerator-runtime|webpack[\\/]buildin)[\\/]/;

// Babel's helpers. They are ES5 already, but they use what IE 11 lacks (asyncToGenerator a Promise,
// typeof and regenerator a Symbol): they go through the usage polyfills like any module, or an app
// whose only promise is an async function would ship no Promise. Never through transform-runtime,
// which would have them import themselves.
const BABEL_RUNTIME = /[\\/]node_modules[\\/]@babel[\\/]runtime[\\/]/;

/**
 * Under the dev server, the app's own modules register their React components, so an edited component is
 * swapped in place with its state (the dev server's ReactRefreshPlugin, parts/fastRefreshPart.ts). Never a
 * dependency's: they are not edited, and the plugin's runtime leaves them out too.
 */
const fastRefreshOverride = () => ({ exclude: /[\\/]node_modules[\\/]/, plugins: [[require.resolve('react-refresh/babel'), { skipEnvCheck: true }]] });

/**
 * @typedef {{ twelvepackTarget?: string, twelvepackRoot?: string, twelvepackFastRefresh?: boolean }} TwelvepackCaller
 * @typedef {import('@babel/core').ConfigAPI} ConfigAPI
 */

/** This copy of the toolkit (src/, or the package's compiled dist/), with a trailing separator. */
const TOOLKIT_COPY = join(__dirname, '..') + sep;

/** @param {ConfigAPI} api */
module.exports = function babelConfig(api) {
  const target = api.caller((caller) => (caller && /** @type {TwelvepackCaller} */ (caller).twelvepackTarget) || 'node');
  const react = [jsxPreset, jsxSetting(api)];
  const fastRefresh = api.caller((caller) => Boolean(caller && /** @type {TwelvepackCaller} */ (caller).twelvepackFastRefresh));
  // Presets run last to first: TypeScript's parser comes first, so a .ts file keeps `<T>x` as a type assertion
  // (the JSX syntax plugin stands back when TypeScript is there) and a .tsx file gets JSX by its extension.
  if (target !== 'browser' && target !== 'browser-modern') {
    return {
      presets: [['@babel/preset-env', { targets: { node: NODE_TARGET } }], react, '@babel/preset-typescript'],
    };
  }

  return {
    // The toolkit's targets, never an app's browserslist: the proofs depend on them.
    presets: [
      ['@babel/preset-env', { targets: target === 'browser' ? LEGACY_BROWSERS : MODERN_BROWSERS, ignoreBrowserslistConfig: true, useBuiltIns: 'usage', corejs: '3.51', bugfixes: true }],
      react,
      '@babel/preset-typescript',
    ],
    // core-js's polyfills as plain requires: no unused default-interop variable per import (see the file).
    plugins: [require.resolve('./requirePolyfills')],
    ignore: [UNTOUCHABLE],
    overrides: [
      {
        // Babel's helpers (classCallCheck, asyncToGenerator...) are imported once from
        // @babel/runtime instead of being copied into every module that needs them.
        exclude: BABEL_RUNTIME,
        plugins: [['@babel/plugin-transform-runtime', { corejs: false, helpers: true, regenerator: true, version: RUNTIME_VERSION }], require.resolve('./rememberHelperChecks')],
      },
      ...(fastRefresh ? [fastRefreshOverride()] : []),
      {
        // Third-party code: may be CommonJS or ESM, is never TypeScript, and
        // must not be re-parsed with our own module assumptions.
        test: /[\\/]node_modules[\\/]/,
        sourceType: 'unambiguous',
        compact: false,
      },
      {
        // The toolkit's own browser runtime: CommonJS once compiled (the package's
        // dist/), wherever it sits (in this repository it is not under node_modules).
        test: (/** @type {string | undefined} */ filename) => filename !== undefined && filename.startsWith(TOOLKIT_COPY),
        sourceType: 'unambiguous',
      },
    ],
  };
};

/**
 * The app's JSX import source, from its tsconfig.json: the one setting TypeScript reads too. Webpack builds name
 * the app's folder in the caller; jest and @babel/register run from it. It is a preset option, so every cache
 * that keys on the options (babel-loader's, babel-jest's) keys on it.
 * @param {ConfigAPI} api
 * @returns {JsxSetting}
 */
function jsxSetting(api) {
  const callerRoot = api.caller((caller) => (caller && /** @type {TwelvepackCaller} */ (caller).twelvepackRoot) || undefined);
  // The folder is part of the cache key: a process that moves between apps must not keep the first one's setting.
  const root = api.cache.using(() => callerRoot ?? process.cwd());
  const setting = readJsxImportSource(root);
  // An edited tsconfig (the setting changed during a dev session) is read again.
  api.cache.using(() => setting.files.map(modifiedTime).join());
  return setting;
}

/**
 * @typedef {import('./readJsxImportSource').JsxImportSource} JsxSetting
 * @typedef {ConfigAPI & { addExternalDependency(file: string): void }} PresetAPI
 */

/**
 * JSX with the automatic runtime (`<importSource>/jsx-runtime`, no `React` in scope). The tsconfig files become
 * dependencies of every compiled module (babel-loader hands them to webpack), so a changed setting recompiles
 * modules that webpack's disk cache or babel-loader's would otherwise reuse.
 * @param {PresetAPI} api
 * @param {JsxSetting} setting
 */
function jsxPreset(api, { importSource, files }) {
  // Babel refuses external dependencies from a preset whose cache would never notice them change.
  api.cache.using(() => files.map(modifiedTime).join());
  for (const file of files) api.addExternalDependency(file);
  return { presets: [[require.resolve('@babel/preset-react'), { runtime: 'automatic', importSource }]] };
}

/**
 * When a file last changed, or -1 when it does not exist.
 * @param {string} file
 * @returns {number}
 */
function modifiedTime(file) {
  return statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}
