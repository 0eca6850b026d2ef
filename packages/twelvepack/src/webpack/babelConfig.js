// The one transpiler for browser code, server code, webpack.config.ts and jest.
// Browser builds ask for it with caller.twelvepackTarget === 'browser' (set in
// src/webpack/createModuleRules.ts); every other caller runs on Node.

/** The browsers the bundle must run in: the toolkit owns them, since it proves the ES5 promise. */
const BROWSER_TARGETS = ['defaults', 'ie 11'];

/** Node version the server, the config file and the tests run on (engines.node). */
const NODE_TARGET = '20.19';

/** The installed @babel/runtime, so the plugin may use every helper it has. */
const RUNTIME_VERSION = require('@babel/runtime/package.json').version;

// Code that must not be transpiled with usage polyfills: core-js would import
// itself, and webpack's and Babel's runtimes are already what they must be.
const UNTOUCHABLE = /[\\/]node_modules[\\/](core-js|@babel[\\/]runtime|regenerator-runtime|webpack[\\/]buildin)[\\/]/;

/** @param {import('@babel/core').ConfigAPI} api */
module.exports = function babelConfig(api) {
  const target = api.caller((caller) => (caller && /** @type {{ twelvepackTarget?: string }} */ (caller).twelvepackTarget) || 'node');

  if (target !== 'browser') {
    return {
      presets: [['@babel/preset-env', { targets: { node: NODE_TARGET } }], '@babel/preset-typescript'],
    };
  }

  return {
    // The toolkit's targets, never an app's browserslist: the ES5 proof depends on them.
    presets: [
      ['@babel/preset-env', { targets: BROWSER_TARGETS, ignoreBrowserslistConfig: true, useBuiltIns: 'usage', corejs: '3.51', bugfixes: true }],
      '@babel/preset-typescript',
    ],
    // Babel's helpers (classCallCheck, asyncToGenerator...) are imported once from
    // @babel/runtime instead of being copied into every module that needs them.
    plugins: [['@babel/plugin-transform-runtime', { corejs: false, helpers: true, regenerator: true, version: RUNTIME_VERSION }]],
    ignore: [UNTOUCHABLE],
    overrides: [
      {
        // Third-party code: may be CommonJS or ESM, is never TypeScript, and
        // must not be re-parsed with our own module assumptions.
        test: /[\\/]node_modules[\\/]/,
        sourceType: 'unambiguous',
        compact: false,
      },
    ],
  };
};
