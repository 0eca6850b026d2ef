import type { Configuration } from 'webpack';
import type { BrowserBuildPlan } from '../planBrowserBuilds';
import type { BrowserPart } from './BrowserPart';

/** The legacy bundle's own scripts when it is paired: named apart from the modern bundle's. */
export const LEGACY_SCRIPT = /-legacy\.[^/]*$/;

/** Where scripts go and what they are called: hashed for production, the legacy half of a pair suffixed and registered apart. */
export const outputPart: BrowserPart = (plan, { outDir }) => ({
  output: {
    path: outDir,
    publicPath: '/',
    ...scriptNames(plan),
    assetModuleFilename: 'assets/[name].[contenthash:8][ext]',
    hashFunction: 'xxhash64',
    // Paired, each compilation removes only its own old files: the folder holds the other's too.
    clean: plan.paired ? { keep: (file: string) => LEGACY_SCRIPT.test(file) === plan.writesPages } : true,
    // Paired, each runtime registers its chunks under its own global (a browser that ran both must not mix them).
    ...(plan.writesPages ? {} : { chunkLoadingGlobal: 'twelvepackLegacyChunks' }),
    // webpack's resource hints walk every module's dependencies on each rebuild, and a dev server on localhost has
    // nothing to prefetch; nor does a rebuild need the path comment above every module (the browser's devtools show
    // each module's source by its map). Production keeps the hints (webpackPrefetch comments).
    ...(plan.watched ? { resourceHints: 'none' as const, pathinfo: false } : {}),
  },
});

function scriptNames({ hashedNames, scriptSuffix }: BrowserBuildPlan): Pick<NonNullable<Configuration['output']>, 'filename' | 'chunkFilename'> {
  if (!hashedNames) return { filename: '[name].js', chunkFilename: '[name].chunk.js' };
  return { filename: `[name]${scriptSuffix}.[contenthash:8].js`, chunkFilename: `[name]${scriptSuffix}.[contenthash:8].chunk.js` };
}
