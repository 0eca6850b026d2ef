import CssMinimizerPlugin from 'css-minimizer-webpack-plugin';
import type { WebpackPluginInstance } from 'webpack';

/**
 * The stylesheet minifier of a production build: cssnano's default preset, through
 * css-minimizer-webpack-plugin (source maps, webpack's cache, errors naming the file). Its input is
 * autoprefixer's output already (createModuleRules.ts) and every prefix must survive it.
 *
 * Lightning CSS was tried first and rejected: given the same browsers it drops prefixes autoprefixer
 * added for them (`-moz-user-select`, `::-moz-selection`, `::-webkit-file-upload-button`: it ignores
 * browsers it has no data for, KaiOS and Opera Mini among `defaults`), and with any options it rewrites
 * IE 11's `:-ms-input-placeholder` into `:-ms-placeholder-shown`, which no browser knows, and drops
 * fallbacks such as `width: -moz-fit-content`. cssnano removes no prefix and merges rules only where
 * the browsers given parse both.
 */
export function createCssMinimizer(browsers: readonly string[]): WebpackPluginInstance {
  return new CssMinimizerPlugin({
    minify: CssMinimizerPlugin.cssnanoMinify,
    // The preset is given, so cssnano loads no config of the app's; the browsers are given, so its
    // safety checks (merging rules, shortening colours) read no browserslist of the app's either.
    minimizerOptions: { preset: ['default', { overrideBrowserslist: [...browsers] }] },
    // The plugin's default, a worker per core but one (one on a 2-core machine), kept after measuring it
    // against in-process: a build of eight stylesheets, 370 KB in all, on 2 busy cores took a median 3.2 s
    // to minify with the worker and 3.8 s without (14 runs each, widely spread), the same CPU time, and
    // 40 MB more peak memory: in-process saves that memory and nothing else.
    parallel: true,
  }) as unknown as WebpackPluginInstance;
}
