import { createMinimizer } from '../createMinimizer';
import type { BrowserPart } from './BrowserPart';

/** Unminified bytes per chunk (see splitChunks below). */
const APP_CHUNK_MAX_SIZE = 300_000;

/** How the code is cut into chunks and minified. */
export const optimizationPart: BrowserPart = (plan, { loaded }) => ({
  optimization: {
    // NODE_ENV comes from the public env like every other public variable.
    nodeEnv: false,
    runtimeChunk: 'single',
    splitChunks: {
      chunks: 'all',
      // One edit must not re-minify (in development: re-emit) the whole app: code is cut into parts of at most
      // this unminified size, grouped by path, so an edit changes one part and the caches keep the rest.
      maxSize: APP_CHUNK_MAX_SIZE,
      // Dependencies change less often than app code: a separate chunk keeps their cache entry.
      cacheGroups: { defaultVendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', priority: -10 } },
    },
    // swc by default, terser on request (TWELVEPACK_MINIFIER); the proof runs after either.
    minimizer: [createMinimizer(loaded.config.TWELVEPACK_MINIFIER, plan.ecmaVersion)],
  },
});
