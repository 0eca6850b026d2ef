import { join } from 'node:path';
import type { Configuration } from 'webpack';
import type { PageSpec, WebpackHook } from '../config/AppManifest';
import type { LoadedConfig } from '../config/loadConfig';
import { applyAppHook } from './applyAppHook';
import { appUsesReact } from './appUsesReact';
import { babelWorkers } from './babelWorkers';
import { applyBrowserParts, GUARD_PARTS } from './parts/browserParts';
import type { BrowserBuildContext } from './parts/BrowserPart';
import { mergeParts } from './parts/mergeParts';
import { planBrowserBuild, type BrowserBuildPlan } from './planBrowserBuilds';
import type { LegacyBundleLink } from './plugins/LegacyBundleLink';
import { createRedactor } from './plugins/redactSecrets';
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
  /** Transpile dependencies to the bundle's level (default: what the plan says, true for a production build). */
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
  /** Served by webpack-dev-server with hot module replacement (the dev session): React apps then get Fast Refresh. */
  readonly hot?: boolean;
  /** The app's own hook (`webpack` in src/app.ts): it gets the configuration before the proofs and guards are added. */
  readonly appHook?: WebpackHook;
}

/** The page an app gets when it declares none. */
export const DEFAULT_PAGES: readonly PageSpec[] = [{ name: 'main', entry: 'src/client/main.ts', template: 'public/index.html' }];

/**
 * One browser build: TS/ES6 to the bundle's level (ES5 or ES2020), proven; public env only; secrets
 * guarded; hashed, compressed, listed. Its plan (planBrowserBuilds.ts) comes from the options, and its
 * configuration from the parts (parts/browserParts.ts).
 */
export function createWebpackConfig(options: BuildOptions): Configuration {
  const { loaded, mode = 'production', bundle = 'legacy', pairedThrough, hot = false } = options;
  const react = hot && appUsesReact(options.root);
  const plan = planBrowserBuild({ mode, bundle, paired: pairedThrough !== undefined, sourceMaps: loaded.config.SOURCE_MAPS, hot, react });
  return configFromPlan(plan, options);
}

/**
 * A planned browser compilation's configuration, its context made from the options: the parts, then the app's hook,
 * then the proofs and guards (GUARD_PARTS), so no hook leaves them out. Option checks are off for the toolkit's own
 * plugins only: the hook's are checked.
 */
export function configFromPlan(plan: BrowserBuildPlan, options: Omit<BuildOptions, 'mode' | 'bundle'>): Configuration {
  const context = browserBuildContext(plan, options);
  const built = withoutOptionChecks(() => applyBrowserParts(plan, context));
  const hooked = applyAppHook(built, { bundle: plan.bundle, mode: plan.mode }, options.appHook);
  return mergeParts([hooked, withoutOptionChecks(() => applyBrowserParts(plan, context, GUARD_PARTS))]);
}

function browserBuildContext(plan: BrowserBuildPlan, options: Omit<BuildOptions, 'mode' | 'bundle'>): BrowserBuildContext {
  const { root, loaded } = options;
  return {
    root,
    loaded,
    outDir: options.outDir ?? join(root, 'dist', 'client'),
    pages: options.pages ?? DEFAULT_PAGES,
    publicDir: options.publicDir ?? 'public',
    report: options.report ?? false,
    reportedOutDir: options.reportedOutDir,
    cache: options.cache ?? true,
    cacheDirectory: options.cacheDirectory,
    cacheBase: options.cacheDirectory ?? join(root, 'node_modules', '.cache', 'twelvepack'),
    transpileDependencies: options.transpileDependencies,
    link: options.pairedThrough,
    redact: createRedactor(loaded.secrets),
    workers: plan.babelWorkers ? babelWorkers(loaded.config.TWELVEPACK_BUILD_WORKERS) : 0,
  };
}
