import type { Config } from '../config/schema';
import { ECMA_VERSION, LEGACY_BROWSERS, MODERN_BROWSERS } from './browserTargets';

/** Which browser bundle a compilation makes (src/webpack/browserTargets.js). */
export type Bundle = 'legacy' | 'modern';

/** A build's mode, as webpack takes it. */
export type BuildMode = 'production' | 'development';

/** How a compilation's scripts are mapped back to their sources. */
export type SourceMapKind = 'hidden' | 'linked' | 'none' | 'eval';

/**
 * What one browser compilation is, decided once: every part (src/webpack/parts/) reads these fields and
 * tests none of the axes (mode, bundle, pairing) again.
 */
export interface BrowserBuildPlan {
  readonly mode: BuildMode;
  readonly bundle: Bundle;
  /** webpack's name for it: `client` writes the pages, `client-legacy` is the legacy half of a pair. */
  readonly name: 'client' | 'client-legacy';
  /** The ECMAScript version its scripts are compiled to, and proven at. */
  readonly ecmaVersion: 5 | 2020;
  /** How the pages load its scripts: as modules, or deferred classic scripts. */
  readonly scriptLoading: 'module' | 'defer';
  /** Built at the same time as the other bundle, into the same folder. */
  readonly paired: boolean;
  /** Writes the pages, the public files and the manifest (all but the legacy half of a pair, which hands its scripts over). */
  readonly writesPages: boolean;
  /** Appended to its script names, so a pair's two sets never collide. */
  readonly scriptSuffix: '' | '-legacy';
  /** The browsers its stylesheet is prefixed for: one stylesheet serves both bundles, so the broader list while a legacy one is built. */
  readonly cssBrowsers: readonly string[];
  /** Content-hashed, immutable file names (production); plain names a dev server replaces (development). */
  readonly hashedNames: boolean;
  readonly sourceMaps: SourceMapKind;
  /** Minified, compressed, proven, and checked against the caches by content: what ships. */
  readonly ships: boolean;
  /** Tuned for a watch loop: rebuilds of one module at a time, kept small. */
  readonly watched: boolean;
  /**
   * Dependencies go through Babel too: what ships must run in every browser of its list (and the legacy bundle is
   * proven ES5). The dev server's browser runs them as published, which halves a cold start's compile.
   */
  readonly transpilesDependencies: boolean;
  /** Babel may run in worker processes (a production build's many modules; a rebuild of one gains nothing). */
  readonly babelWorkers: boolean;
  /** Public placeholders in the pages filled at build time (development), or left for the server to fill from its environment. */
  readonly fillsPlaceholders: boolean;
  /** React components edited under the dev server update in place and keep their state (React Fast Refresh). */
  readonly fastRefresh: boolean;
  /**
   * The browsers whose missing web APIs (fetch, AbortController...) the bundle polyfills, or fails the build for
   * (parts/webApisPart.ts): the legacy bundle's; none for the modern bundle, which gets none of it.
   */
  readonly webApiBrowsers: readonly string[];
}

/** The choices one plan is made from. */
export interface BrowserBuildChoice {
  readonly mode: BuildMode;
  readonly bundle: Bundle;
  readonly paired: boolean;
  /** SOURCE_MAPS: how production maps its scripts. */
  readonly sourceMaps: Config['SOURCE_MAPS'];
  /** Served by webpack-dev-server with hot module replacement. */
  readonly hot?: boolean;
  /** The app renders with React (appUsesReact.ts). */
  readonly react?: boolean;
}

/**
 * An app's browser compilations. In production: the modern bundle and, unless TWELVEPACK_LEGACY_BUNDLE is false,
 * the legacy one beside it (legacy first: the modern one waits for its scripts to write the pages). In
 * development: the modern bundle alone, since the browser on a developer's desk runs it. Pure.
 */
export function planBrowserBuilds(mode: BuildMode, config: Pick<Config, 'SOURCE_MAPS' | 'TWELVEPACK_LEGACY_BUNDLE'>): BrowserBuildPlan[] {
  const sourceMaps = config.SOURCE_MAPS;
  if (mode === 'development' || !config.TWELVEPACK_LEGACY_BUNDLE) return [planBrowserBuild({ mode, bundle: 'modern', paired: false, sourceMaps })];
  return [planBrowserBuild({ mode, bundle: 'legacy', paired: true, sourceMaps }), planBrowserBuild({ mode, bundle: 'modern', paired: true, sourceMaps })];
}

/** One compilation's plan, from its mode, its bundle and whether it is half of a pair. Pure. */
export function planBrowserBuild({ mode, bundle, paired, sourceMaps, hot = false, react = false }: BrowserBuildChoice): BrowserBuildPlan {
  const production = mode === 'production';
  const writesPages = !(paired && bundle === 'legacy');
  return {
    mode,
    bundle,
    name: writesPages ? 'client' : 'client-legacy',
    ecmaVersion: ECMA_VERSION[bundle] as 5 | 2020,
    scriptLoading: bundle === 'modern' ? 'module' : 'defer',
    paired,
    writesPages,
    scriptSuffix: writesPages ? '' : '-legacy',
    cssBrowsers: bundle === 'legacy' || paired ? LEGACY_BROWSERS : MODERN_BROWSERS,
    hashedNames: production,
    sourceMaps: production ? sourceMaps : 'eval',
    ships: production,
    watched: !production,
    transpilesDependencies: production,
    babelWorkers: production,
    fillsPlaceholders: !production,
    fastRefresh: !production && hot && react,
    webApiBrowsers: bundle === 'legacy' ? LEGACY_BROWSERS : [],
  };
}
