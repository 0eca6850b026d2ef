import { relative } from 'node:path';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { RuleSetRule, RuleSetUseItem } from 'webpack';
import { babelWorkerOptions } from './babelWorkers';
import { LEGACY_BROWSERS } from './browserTargets';

/** The toolkit's Babel config: every build uses it, whatever the app's folder holds. */
export const BABEL_CONFIG = require.resolve('./babelConfig.js');

/**
 * Dependencies that must never be transpiled: polyfills and runtimes that are already what they must be
 * (ES5). css-loader's runtime is among them: mini-css-extract-plugin runs it in the build's own process to
 * collect each stylesheet, and it never ships; polyfilled, it would install core-js in that process.
 * Babel's helpers (@babel/runtime) are not: they get the polyfills they use (babelConfig.js).
 */
export const NEVER_TRANSPILED = /[\\/]node_modules[\\/](core-js|regenerator-runtime|webpack[\\/]buildin|css-loader[\\/]dist[\\/]runtime)[\\/]/;

/** Options for {@link createModuleRules}. */
export interface ModuleRuleOptions {
  /** The app's folder: its tsconfig.json's `jsxImportSource` picks the JSX runtime (babelConfig.js reads it). */
  readonly root: string;
  /** Transpile dependencies too (default true): one modern package must not break the ES5 promise. */
  readonly transpileDependencies?: boolean;
  /** Cache babel-loader results on disk: true for node_modules/.cache/babel-loader, or a folder. */
  readonly cache?: boolean | string;
  /**
   * Babel worker processes (thread-loader; babelWorkers.ts), 0 (the default) to transpile in the build's own
   * process. With workers, babel-loader's own cache is off: webpack's persistent cache holds the same results,
   * and babel-loader's cache asks the compilation for file timestamps, which a worker has not got.
   */
  readonly workers?: number;
  /** Which bundle's browsers Babel compiles for (src/webpack/browserTargets.js); legacy by default. */
  readonly bundle?: 'legacy' | 'modern';
  /** The browsers the CSS is prefixed for: the legacy list while a legacy bundle is built, since one stylesheet serves both. */
  readonly cssBrowsers?: readonly string[];
  /** Babel registers React components for Fast Refresh (react-refresh/babel; babelConfig.js), for the dev server. */
  readonly fastRefresh?: boolean;
  /**
   * The app's public folder (absolute): a file in it that code imports (`import logo from '/logo.svg'`, resolved
   * there by resolvePart) is the URL it is served at, `/logo.svg`, and is not emitted again (it is copied as it is).
   */
  readonly publicDir?: string;
  /** CSS modules' class names readable (`Card-module__title--x1b2c`, development) or short hashes (production). */
  readonly readableClassNames?: boolean;
}

/**
 * How each kind of module becomes browser code: TypeScript and JavaScript, JSX
 * and TSX included, go through Babel (babelConfig.js, browser branch), dependencies included; JSON
 * is parsed by webpack and inlined; CSS is prefixed by autoprefixer for `cssBrowsers` and extracted into hashed files.
 */
export function createModuleRules({
  root,
  transpileDependencies = true,
  cache = false,
  bundle = 'legacy',
  cssBrowsers = LEGACY_BROWSERS,
  workers = 0,
  fastRefresh = false,
  readableClassNames = false,
  publicDir,
}: ModuleRuleOptions): RuleSetRule[] {
  const babel = {
    loader: require.resolve('babel-loader'),
    options: {
      caller: { twelvepackTarget: bundle === 'legacy' ? 'browser' : 'browser-modern', twelvepackRoot: root, twelvepackFastRefresh: fastRefresh },
      configFile: BABEL_CONFIG,
      babelrc: false,
      cacheDirectory: workers > 0 ? false : cache,
      cacheCompression: false,
    },
  };
  // transpileLoader.js runs the chain in thread-loader's workers, or steps aside (babelWorkers.ts).
  const transpile: RuleSetUseItem[] = [{ loader: require.resolve('./transpileLoader'), options: { ...babelWorkerOptions(workers) } }, babel];
  return [
    {
      test: /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/,
      exclude: /[\\/]node_modules[\\/]/,
      use: transpile,
    },
    ...(transpileDependencies
      ? [{ test: /\.(js|mjs|cjs)$/, include: /[\\/]node_modules[\\/]/, exclude: NEVER_TRANSPILED, use: transpile }]
      : []),
    {
      test: /\.css$/,
      use: [
        // A CSS module's class map is its default export too, as Vite and create-react-app give it; named imports work as well.
        { loader: MiniCssExtractPlugin.loader, options: { defaultExport: true } },
        { loader: require.resolve('css-loader'), options: { importLoaders: 1, modules: cssModules(readableClassNames) } },
        postcss(cssBrowsers),
      ],
    },
    { test: ASSET_FILES, exclude: publicDir === undefined ? [] : [publicDir], type: 'asset/resource' },
    ...(publicDir === undefined ? [] : [publicFileRule(publicDir)]),
  ];
}

/** The files an import turns into a URL (asset modules), as the types twelvepack ships declare them (types/assets.d.ts). */
export const ASSET_FILES = /\.(png|jpe?g|gif|svg|webp|avif|ico|woff2?)$/;

/** An asset of the public folder imported by its served path (the pages' templates there are html-webpack-plugin's): its URL is that path, and CopyPlugin already copies the file. */
function publicFileRule(publicDir: string): RuleSetRule {
  return {
    test: ASSET_FILES,
    include: publicDir,
    type: 'asset/resource',
    generator: {
      emit: false,
      filename: (pathData: { module?: { resource?: string } }) => relative(publicDir, pathData.module?.resource ?? '').replace(/\\/g, '/'),
    },
  };
}

/**
 * `*.module.css` files are CSS modules (every other stylesheet is global): their class names are local to the file,
 * exported under the names written in it. The names depend on the file's path and the class only, so the legacy
 * and the modern bundle, which share one stylesheet, agree on them.
 */
function cssModules(readable: boolean) {
  return { auto: true, namedExport: true, exportLocalsConvention: 'as-is' as const, localIdentName: readable ? '[name]__[local]--[hash:base64:5]' : '[hash:base64:8]' };
}

/**
 * autoprefixer for `browsers` (autoprefixLoader.js), configured here alone: no postcss.config.js and no
 * browserslist of the app's is read, so the toolkit's targets are the only ones. Source maps follow
 * webpack's `devtool`, as css-loader's do.
 */
function postcss(browsers: readonly string[]): RuleSetUseItem {
  return { loader: require.resolve('./autoprefixLoader'), options: { browsers: [...browsers] } };
}
