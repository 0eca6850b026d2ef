import { availableParallelism } from 'node:os';
import TerserPlugin from 'terser-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';
import { esbuildEs5Minify } from './esbuildEs5Minify';

/** The production minifiers TWELVEPACK_MINIFIER chooses from. */
export const MINIFIERS = ['esbuild', 'terser'] as const;

/** One of {@link MINIFIERS}. */
export type Minifier = (typeof MINIFIERS)[number];

/**
 * The script minifier of a production build. Its input is ES5 already (Babel
 * ran first) and its output must stay ES5: the ES5 proof parses every chunk
 * after it, whichever runs.
 *
 * - `esbuild` (the default): native code, several times faster than terser on
 *   the same input, a few per cent larger (bench/RESULTS.md has both).
 * - `terser`: the last bytes, at the cost of most of a cold build's time.
 */
export function createMinimizer(minifier: Minifier): WebpackPluginInstance {
  if (minifier === 'terser') {
    return new TerserPlugin({
      // One worker per core: while terser runs the main thread only waits, so the plugin's default
      // (cores - 1) left one of a 2-core machine's cores idle. Both cores: cold build 11% faster on the
      // bench app, same peak memory (issue 6).
      parallel: availableParallelism(),
      extractComments: false,
      terserOptions: {
        ecma: 5,
        safari10: true,
        format: { comments: false },
        // Whole-program value tracking is terser's costliest pass and buys little here: on the
        // bench app it took 30% of minify time for 1.4% of the size (issue 6).
        compress: { reduce_vars: false, reduce_funcs: false, collapse_vars: false, inline: false },
      },
    });
  }
  return new TerserPlugin<EsbuildOptions>({
    minify: esbuildEs5Minify,
    extractComments: false,
    terserOptions: ESBUILD_OPTIONS,
  });
}

/** The esbuild options terser-webpack-plugin passes through to `esbuild.transform`. */
type EsbuildOptions = { readonly target: string; readonly legalComments: 'none'; readonly charset: 'utf8' };

/** What esbuild is told, for every chunk of a production build. */
export const ESBUILD_OPTIONS: EsbuildOptions = {
  // Never newer syntax than the input's: no `??`, `?.`, `let` or arrows creep in.
  target: 'es5',
  // Licence comments are kept out, as with terser (`comments: false`).
  legalComments: 'none',
  // Text stays UTF-8 (as terser writes it) instead of \u escapes, which would only add bytes.
  charset: 'utf8',
};
