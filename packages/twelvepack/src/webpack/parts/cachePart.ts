import { join } from 'node:path';
import type { Configuration } from 'webpack';
import { cacheName } from '../cacheName';
import { BABEL_CONFIG } from '../createModuleRules';
import type { BrowserPart } from './BrowserPart';

/** The file that builds a browser configuration from these parts. */
const CONFIG_FACTORY = require.resolve('../createWebpackConfig');

/** webpack's persistent cache, one per mode, bundle and app folder, and how it tells a changed file. */
export const cachePart: BrowserPart = (plan, { cache, cacheDirectory, root }) => ({
  cache: cache
    ? {
        type: 'filesystem',
        name: cacheName(`${plan.mode}-${plan.bundle}`, root),
        // The configuration through its requires (every part), and the Babel config, through its requires the
        // tsconfig reader: a toolkit upgrade that changes any of them recompiles.
        buildDependencies: { config: [CONFIG_FACTORY, BABEL_CONFIG] },
        ...(cacheDirectory === undefined ? {} : { cacheDirectory: join(cacheDirectory, 'webpack') }),
      }
    : false,
  ...(plan.ships ? { snapshot: shippingSnapshot() } : {}),
});

/**
 * A shipping build checks an unchanged file by its timestamp and hashes only a file whose timestamp moved
 * (webpack's production default hashes every file on every build). A fresh checkout's new timestamps cost one
 * hashing pass, never a stale module.
 */
const shippingSnapshot = (): Configuration['snapshot'] => ({ module: { timestamp: true, hash: true }, resolve: { timestamp: true, hash: true } });
