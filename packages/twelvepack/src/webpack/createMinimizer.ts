import { availableParallelism } from 'node:os';
import TerserPlugin from 'terser-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';
import { swcInProcessMinify } from './swcInProcessMinify';

/**
 * The script minifier of a production build (TWELVEPACK_MINIFIER). Its input
 * is at the bundle's level already (Babel ran first: ES5 for the legacy bundle,
 * ES2020 for the modern one) and its output must stay there: the proof parses
 * every chunk after it, whichever runs.
 *
 * - `swc` (the default): terser's passes, ported to native code: on the bench
 *   app over ten times faster than terser and no larger (bench/RESULTS.md).
 * - `terser`: the JavaScript original, for anyone who wants it.
 *
 * esbuild was measured too: the fastest, but it keeps every unused variable
 * inside a function (it has no whole-function analysis), 9% more gzip on the
 * bench app.
 */
export function createMinimizer(minifier: 'swc' | 'terser', ecma: 5 | 2020 = 5): WebpackPluginInstance {
  if (minifier === 'terser') {
    return new TerserPlugin({
      // One worker per core: while terser runs the main thread only waits, so the plugin's default
      // (cores - 1) left one of a 2-core machine's cores idle. Both cores: cold build 11% faster on the
      // bench app, same peak memory.
      parallel: availableParallelism(),
      extractComments: false,
      terserOptions: { ...TERSER_OPTIONS, ecma },
    });
  }
  return new TerserPlugin({ minify: swcInProcessMinify, extractComments: false, terserOptions: { ...SWC_OPTIONS, ecma } });
}

/** terser's options (ES5 in, ES5 out, unless the bundle is modern). */
const TERSER_OPTIONS = {
  // Safari 10 and 11's bugs (loop scoping, await in class methods): the modern bundle's browsers include Safari 11.
  safari10: true,
  format: { comments: false },
  // Whole-program value tracking is terser's costliest pass and buys little here: on the
  // bench app it took 30% of minify time for 1.4% of the size.
  compress: { reduce_vars: false, reduce_funcs: false, collapse_vars: false, inline: false },
} as const;

/**
 * swc's: ES5 in, ES5 out (with `ecma: 5` the plugin also keeps swc's compressor from writing
 * arrow functions; the modern bundle gets 2020), every compress pass on (in native code they cost little), no comments.
 */
export const SWC_OPTIONS = { ecma: 5, compress: true, mangle: true, format: { comments: false } } as const;
