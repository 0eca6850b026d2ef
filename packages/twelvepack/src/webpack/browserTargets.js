// The browsers each client bundle is for: the toolkit owns them, since it proves what it promises
// (src/webpack/plugins/EsVersionGuardPlugin.ts), and an app's own browserslist never changes them.
// Babel (babelConfig.js), autoprefixer and the CSS minifier (createModuleRules.ts, createCssMinimizer.ts)
// and the proofs all read them from here.

/**
 * The legacy bundle, loaded with `<script nomodule>`: browserslist's defaults and IE 11. ES5, with
 * core-js polyfills for what these browsers lack, by usage.
 */
const LEGACY_BROWSERS = ['defaults', 'ie 11'];

/**
 * The modern bundle, loaded with `<script type="module">`: the browsers that parse ES2020 (optional
 * chaining and `??`), the first that need few polyfills: Chrome and Edge 80, Firefox 74, Safari 13.1.
 * A browser that runs module scripts but parses only older syntax (Chrome 61 to 79, Safari 11 to 13,
 * Edge 16 to 18, Firefox 60 to 73) skips `nomodule` scripts too: for it the modern runtime starts with
 * ES2020 syntax it cannot parse, so nothing modern runs, and a small module script then loads the legacy
 * bundle (src/config/legacyFallback.ts).
 */
const MODERN_BROWSERS = ['chrome >= 80', 'edge >= 80', 'firefox >= 74', 'safari >= 13.1', 'ios_saf >= 13.4', 'opera >= 67', 'samsung >= 13', 'and_chr >= 80', 'and_ff >= 79'];

/** The ECMAScript version each bundle's chunks are parsed at by the proof; anything newer fails the build. */
const ECMA_VERSION = { legacy: 5, modern: 2020 };

module.exports = { LEGACY_BROWSERS, MODERN_BROWSERS, ECMA_VERSION };
