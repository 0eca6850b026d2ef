import type { Configuration } from 'webpack';
import type { PageSpec } from '../../config/AppManifest';
import type { LoadedConfig } from '../../config/loadConfig';
import type { BrowserBuildPlan } from '../planBrowserBuilds';
import type { LegacyBundleLink } from '../plugins/LegacyBundleLink';

/** What every part of a browser compilation may read besides its plan: the app, its configuration and the folders. */
export interface BrowserBuildContext {
  /** The app's folder. */
  readonly root: string;
  readonly loaded: LoadedConfig;
  /** Where the bundle is written. */
  readonly outDir: string;
  readonly pages: readonly PageSpec[];
  /** Files copied as they are, relative to root. */
  readonly publicDir: string;
  /** Show progress and print the size table. */
  readonly report: boolean;
  /** Where the output ends up, for the size table, when outDir is a staging folder. */
  readonly reportedOutDir: string | undefined;
  /** Use webpack's and babel-loader's disk caches. */
  readonly cache: boolean;
  /** Where the disk caches live, when not under node_modules/.cache. */
  readonly cacheDirectory: string | undefined;
  /** The toolkit's own cache folder (public env files). */
  readonly cacheBase: string;
  readonly transpileDependencies: boolean | undefined;
  /** How a pair's legacy half hands its scripts to the modern one; undefined when alone. */
  readonly link: LegacyBundleLink | undefined;
  /** Replaces every secret's value in a message. */
  readonly redact: (text: string) => string;
  /** Babel worker processes: 0 to transpile in the build's own process. */
  readonly workers: number;
}

/** One named piece of a browser compilation's webpack configuration (the order they apply in: browserParts.ts). */
export type BrowserPart = (plan: BrowserBuildPlan, context: BrowserBuildContext) => Partial<Configuration>;
