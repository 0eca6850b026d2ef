import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { RuleSetRule } from 'webpack';

/** The toolkit's Babel config: every build uses it, whatever the app's folder holds. */
export const BABEL_CONFIG = require.resolve('./babelConfig.js');

/** Dependencies that must never be transpiled: polyfills and runtimes that are already what they must be. */
export const NEVER_TRANSPILED = /[\\/]node_modules[\\/](core-js|@babel[\\/]runtime|regenerator-runtime|webpack[\\/]buildin)[\\/]/;

/** Options for {@link createModuleRules}. */
export interface ModuleRuleOptions {
  /** The app's folder: its tsconfig.json's `jsxImportSource` picks the JSX runtime (babelConfig.js reads it). */
  readonly root: string;
  /** Transpile dependencies too (default true): one modern package must not break the ES5 promise. */
  readonly transpileDependencies?: boolean;
  /** Cache babel-loader results on disk: true for node_modules/.cache/babel-loader, or a folder. */
  readonly cache?: boolean | string;
}

/**
 * How each kind of module becomes browser code: TypeScript and JavaScript, JSX
 * and TSX included, go through Babel (babelConfig.js, browser branch), dependencies included; JSON
 * is parsed by webpack and inlined; CSS is extracted into hashed files.
 */
export function createModuleRules({ root, transpileDependencies = true, cache = false }: ModuleRuleOptions): RuleSetRule[] {
  const babel = {
    loader: require.resolve('babel-loader'),
    options: { caller: { twelvepackTarget: 'browser', twelvepackRoot: root }, configFile: BABEL_CONFIG, babelrc: false, cacheDirectory: cache, cacheCompression: false },
  };
  return [
    {
      test: /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/,
      exclude: /[\\/]node_modules[\\/]/,
      use: [babel],
    },
    ...(transpileDependencies
      ? [{ test: /\.(js|mjs|cjs)$/, include: /[\\/]node_modules[\\/]/, exclude: NEVER_TRANSPILED, use: [babel] }]
      : []),
    { test: /\.css$/, use: [MiniCssExtractPlugin.loader, require.resolve('css-loader')] },
    { test: /\.(png|jpe?g|gif|svg|webp|avif|woff2?)$/, type: 'asset/resource' },
  ];
}
