import { join, relative } from 'node:path';
import CompressionPlugin from 'compression-webpack-plugin';
import CopyPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import MiniCssExtractPlugin from 'mini-css-extract-plugin';
import type { Configuration, WebpackPluginInstance } from 'webpack';
import type { PageSpec } from '../config/AppManifest';
import { pageFilename } from '../config/checkApp';
import type { LoadedConfig } from '../config/loadConfig';
import { publicNames } from '../config/pickPublicEnv';
import { AssetManifestPlugin, MANIFEST_FILE } from './plugins/AssetManifestPlugin';
import { BabelWorkersPlugin } from './plugins/BabelWorkersPlugin';
import { ECMA_VERSION, LEGACY_BROWSERS, MODERN_BROWSERS } from './browserTargets';
import { cacheName } from './cacheName';
import { createCssMinimizer } from './createCssMinimizer';
import { babelWorkerOptions, babelWorkers } from './babelWorkers';
import { BABEL_CONFIG, createModuleRules } from './createModuleRules';
import { createMinimizer } from './createMinimizer';
import { createProgressPlugin } from './plugins/createProgressPlugin';
import { EsVersionGuardPlugin } from './plugins/EsVersionGuardPlugin';
import type { LegacyBundleLink } from './plugins/LegacyBundleLink';
import { LeakGuardPlugin } from './plugins/LeakGuardPlugin';
import { PublicEnvPlugin } from './plugins/PublicEnvPlugin';
import { PublicPlaceholdersPlugin } from './plugins/PublicPlaceholdersPlugin';
import { RedactSecretsPlugin } from './plugins/RedactSecretsPlugin';
import { createRedactor } from './plugins/redactSecrets';
import { SizeReportPlugin } from './plugins/SizeReportPlugin';
import { toolkitAliases } from './toolkitAliases';
import { withoutOptionChecks } from './withoutOptionChecks';

/** Options for {@link createWebpackConfig}. */
export interface BuildOptions {
  /** The app's folder: the pages' entries and templates, the public folder and `node_modules/.cache` are found from it. */
  readonly root: string;
  /** The loaded configuration (src/config/loadConfig). */
  readonly loaded: LoadedConfig;
  /** production (default) or development. */
  readonly mode?: 'production' | 'development';
  /** Where the browser bundle goes; `dist/client` under root by default. */
  readonly outDir?: string;
  /** The app's pages (src/app.ts); one page, `src/client/main.ts` in `public/index.html`, by default. */
  readonly pages?: readonly PageSpec[];
  /** Files copied into the output as they are, relative to root (`public` by default); page templates are skipped. */
  readonly publicDir?: string;
  /** Show progress and print the size table (the CLI does; tests do not). */
  readonly report?: boolean;
  /** Where the output ends up, for the size table, when outDir is a staging folder renamed afterwards. */
  readonly reportedOutDir?: string;
  /** Use webpack's and babel-loader's disk caches (default true; tests turn it off). */
  readonly cache?: boolean;
  /** Where the disk caches live; webpack's and babel-loader's defaults under node_modules/.cache otherwise. */
  readonly cacheDirectory?: string;
  /** Transpile dependencies to the bundle's level (default true). */
  readonly transpileDependencies?: boolean;
  /**
   * Which bundle (src/webpack/browserTargets.js): `legacy`, ES5 for every browser (the default), or `modern`,
   * ES2020 loaded with `<script type="module">`. Alone, either is a whole build: pages, public files, manifest.
   */
  readonly bundle?: 'legacy' | 'modern';
  /**
   * Pairs this compilation with the other bundle's, built at the same time into the same folder
   * (createClientWebpackConfigs): the legacy one then writes only its `-legacy` scripts, and the modern one
   * writes the pages, with both sets of scripts, and the manifest, with both sets of files.
   */
  readonly pairedThrough?: LegacyBundleLink;
}

/** The page an app gets when it declares none. */
export const DEFAULT_PAGES: readonly PageSpec[] = [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }];

/** Files above this size get `.br` and `.gz` siblings; smaller ones gain too little. */
const COMPRESS_THRESHOLD = 1024;
/** Unminified bytes per chunk (see splitChunks below). */
const APP_CHUNK_MAX_SIZE = 300_000;
const COMPRESSIBLE = /\.(js|css|html|svg|json|txt|xml|wasm|ico)$/;

/** The legacy bundle's own scripts when it is paired: named apart from the modern bundle's. */
export const LEGACY_SCRIPT = /-legacy\.[^/]*$/;

/**
 * One browser build: TS/ES6 to the bundle's level (ES5 or ES2020), proven; public env only; secrets
 * guarded; hashed, compressed, listed.
 */
export function createWebpackConfig(options: BuildOptions): Configuration {
  return withoutOptionChecks(() => browserConfig(options));
}

function browserConfig(options: BuildOptions): Configuration {
  const { root, loaded, mode = 'production', report = false, cache = true, pages = DEFAULT_PAGES, publicDir = 'public', bundle = 'legacy', pairedThrough: link } = options;
  const outDir = options.outDir ?? join(root, 'dist', 'client');
  const production = mode === 'production';
  const ecmaVersion = ECMA_VERSION[bundle] as 5 | 2020;
  // Paired, the legacy bundle hands its scripts to the modern one, which writes everything the two share.
  const provider = bundle === 'legacy' ? link : undefined;
  const writesPages = provider === undefined;
  const suffix = writesPages ? '' : '-legacy';
  // One stylesheet serves both bundles, so it is prefixed for the broader list whenever a legacy bundle is built.
  const cssBrowsers = bundle === 'legacy' || link !== undefined ? LEGACY_BROWSERS : MODERN_BROWSERS;
  const sourceMaps = loaded.config.SOURCE_MAPS;
  const cacheBase = options.cacheDirectory ?? join(root, 'node_modules', '.cache', 'twelvepack');
  const redact = createRedactor(loaded.secrets);
  // Development rebuilds one module at a time, where a worker's round trip would only add to it.
  const workers = production ? babelWorkers(loaded.config.TWELVEPACK_BUILD_WORKERS) : 0;

  return {
    name: writesPages ? 'client' : 'client-legacy',
    mode,
    context: root,
    // The bundle and webpack's own runtime alike.
    target: ['web', `es${ecmaVersion}`],
    entry: Object.fromEntries(pages.map((page) => [page.name, join(root, page.entry)])),
    output: {
      path: outDir,
      publicPath: '/',
      filename: production ? `[name]${suffix}.[contenthash:8].js` : '[name].js',
      chunkFilename: production ? `[name]${suffix}.[contenthash:8].chunk.js` : '[name].chunk.js',
      assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
      hashFunction: 'xxhash64',
      // Paired, each compilation removes only its own old files: the folder holds the other's too.
      clean: link === undefined ? true : { keep: (file: string) => LEGACY_SCRIPT.test(file) === writesPages },
      // Paired, each runtime registers its chunks under its own global (a browser that ran both must not mix them).
      ...(writesPages ? {} : { chunkLoadingGlobal: 'twelvepackLegacyChunks' }),
      // webpack's resource hints walk every module's dependencies on each rebuild (a tenth of one on the bench app);
      // a dev server on localhost has nothing to prefetch. Production keeps them (webpackPrefetch comments).
      // Nor the path comments development writes above every module (a tenth of an edit-to-rebuilt on the bench
      // app: 80 ms against 92–100, median of 15 edits); the browser's devtools show each module's source by its map.
      ...(production ? {} : { resourceHints: 'none' as const, pathinfo: false }),
    },
    // TypeScript before JavaScript, as TypeScript itself resolves; each with its JSX form.
    resolve: { extensions: ['.ts', '.tsx', '.mjs', '.js', '.jsx', '.json'], alias: toolkitAliases() },
    module: {
      // In watch mode, unchanged modules keep their resolved imports instead of resolving them again on every
      // edit (half of a rebuild on the bench app). The cost: a new file that would change how an unchanged
      // module's import resolves is seen after a restart. Production builds always resolve afresh.
      ...(production ? {} : { unsafeCache: true }),
      rules: createModuleRules({
        root,
        bundle,
        cssBrowsers,
        transpileDependencies: options.transpileDependencies,
        workers,
        cache: cache ? (options.cacheDirectory === undefined ? true : join(options.cacheDirectory, 'babel-loader')) : false,
      }),
    },
    // In development each module's code and map is an eval string webpack caches, so an edit regenerates one.
    devtool: production ? productionDevtool(sourceMaps) : 'eval-cheap-module-source-map',
    cache: cache
      ? {
          type: 'filesystem',
          name: cacheName(`${mode}-${bundle}`, root),
          // The Babel config too, and through its requires the tsconfig reader: a toolkit upgrade that changes them recompiles.
          buildDependencies: { config: [__filename, BABEL_CONFIG] },
          ...(options.cacheDirectory === undefined ? {} : { cacheDirectory: join(options.cacheDirectory, 'webpack') }),
        }
      : false,
    // Production checks an unchanged file by its timestamp and hashes only a file whose timestamp moved (webpack's
    // production default hashes every file on every build: a tenth of a warm build on the bench app). A fresh
    // checkout's new timestamps cost one hashing pass, never a stale module.
    ...(production ? { snapshot: { module: { timestamp: true, hash: true }, resolve: { timestamp: true, hash: true } } } : {}),
    performance: { hints: false },
    stats: report ? 'errors-warnings' : 'none',
    optimization: {
      // NODE_ENV comes from the public env like every other public variable.
      nodeEnv: false,
      // A leak or an ES5 failure must leave nothing behind in the output folder.
      emitOnErrors: false,
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        // One edit must not re-minify (in development: re-emit) the whole app: code is cut into parts of at most
        // this unminified size, grouped by path, so an edit changes one part and the caches keep the rest.
        maxSize: APP_CHUNK_MAX_SIZE,
        // Dependencies change less often than app code: a separate chunk keeps their cache entry.
        cacheGroups: { defaultVendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', priority: -10 } },
      },
      // swc by default, terser on request (TWELVEPACK_MINIFIER); the proof runs after either. Lightning CSS for stylesheets.
      minimizer: [createMinimizer(loaded.config.TWELVEPACK_MINIFIER, ecmaVersion), createCssMinimizer(cssBrowsers)],
    },
    plugins: [
      new PublicEnvPlugin({ publicEnv: loaded.publicEnv, allowed: publicNames(loaded.schema), envDir: join(cacheBase, 'public-env') }),
      new MiniCssExtractPlugin({
        filename: production ? '[name].[contenthash:8].css' : '[name].css',
        chunkFilename: production ? '[name].[contenthash:8].chunk.css' : '[name].chunk.css',
      }),
      ...(provider === undefined ? pagePlugins({ root, loaded, production, pages, publicDir, outDir, bundle, link }) : [provider.provider()]),
      ...compressionPlugins(production),
      // The proof is for what ships; development builds skip it to stay fast.
      ...(production ? [new EsVersionGuardPlugin({ redact, ecmaVersion, sourceType: bundle === 'modern' ? 'module' : 'script' })] : []),
      ...(writesPages ? [new AssetManifestPlugin(link === undefined ? undefined : async () => (await link.legacy())?.files)] : []),
      new LeakGuardPlugin({ secrets: loaded.secrets, bundle: 'client' }),
      // Every error and warning above (and Babel's, terser's, html-webpack-plugin's) reaches the terminal through it.
      new RedactSecretsPlugin(redact),
      ...(workers > 0 ? [new BabelWorkersPlugin(babelWorkerOptions(workers))] : []),
      ...(report ? [createProgressPlugin(), new SizeReportPlugin(undefined, options.reportedOutDir, link === undefined ? undefined : `the ${bundle} bundle`)] : []),
    ],
  };
}

/** What the compilation that writes the pages adds: the pages (with the legacy scripts when paired), their public values, the public folder. */
function pagePlugins({ root, loaded, production, pages, publicDir, outDir, bundle, link }: {
  root: string;
  loaded: LoadedConfig;
  production: boolean;
  pages: readonly PageSpec[];
  publicDir: string;
  outDir: string;
  bundle: 'legacy' | 'modern';
  link: LegacyBundleLink | undefined;
}): WebpackPluginInstance[] {
  return [
    ...pages.map(
      (page, i) =>
        new HtmlWebpackPlugin({ template: join(root, page.template), filename: pageFilename(page, i), chunks: [page.name], scriptLoading: bundle === 'modern' ? 'module' : 'defer' }),
    ),
    ...(link === undefined ? [] : [link.consumer(new Map(pages.map((page, i) => [pageFilename(page, i), page.name])))]),
    // Public values in the pages: filled now in development, by the server (from its environment) in production.
    new PublicPlaceholdersPlugin({ publicEnv: loaded.publicEnv, fill: !production }),
    new CopyPlugin({
      patterns: [
        {
          from: join(root, publicDir),
          to: outDir,
          noErrorOnMissing: true,
          // The templates become pages, and a file named like a page would collide with it; everything else is copied as it is.
          globOptions: {
            dot: true,
            ignore: pages.flatMap((page, i) => [`**/${relative(join(root, publicDir), join(root, page.template)).replace(/\\/g, '/')}`, `**/${pageFilename(page, i)}`]),
          },
        },
      ],
    }),
  ];
}

function productionDevtool(sourceMaps: string): Configuration['devtool'] {
  if (sourceMaps === 'none') return false;
  return sourceMaps === 'linked' ? 'source-map' : 'hidden-source-map';
}

function compressionPlugins(production: boolean): WebpackPluginInstance[] {
  if (!production) return [];
  const common = { test: COMPRESSIBLE, exclude: MANIFEST_FILE, threshold: COMPRESS_THRESHOLD, minRatio: 0.9 };
  return [
    new CompressionPlugin({ ...common, algorithm: 'gzip', filename: '[path][base].gz', compressionOptions: { level: 9 } }),
    new CompressionPlugin({ ...common, algorithm: 'brotliCompress', filename: '[path][base].br' }),
  ];
}
