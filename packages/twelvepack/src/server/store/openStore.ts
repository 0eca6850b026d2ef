import { resolve } from 'node:path';
import type { Logger } from '../logger';
import type { KeyValueStore } from './KeyValueStore';
import { openRedisStore } from './openRedisStore';
import { openSqliteStore } from './openSqliteStore';

/** What decides the store: the config's STORE_URL, REDIS_URL and SQLITE_PATH. */
export interface StoreConfig {
  readonly STORE_URL?: string;
  readonly REDIS_URL?: string;
  readonly SQLITE_PATH: string;
}

/** Options for {@link openStore}. */
export interface OpenStoreOptions {
  /** Where "store opened" and "store closed" go (a server process's logger); silent without one. */
  readonly logger?: Logger;
}

/**
 * Opens the store the configuration attaches: STORE_URL (redis:, rediss: or
 * sqlite:), else REDIS_URL, else SQLite at SQLITE_PATH. The code never changes
 * when the URL does. Called once per process, from an app's services.
 */
export async function openStore(config: StoreConfig, { logger }: OpenStoreOptions = {}): Promise<KeyValueStore> {
  const store = await openAttachedStore(config);
  if (logger === undefined) return store;
  logger.info({ store: store.kind }, 'store opened');
  return {
    ...store,
    kind: store.kind,
    close: async () => {
      await store.close();
      logger.info({ store: store.kind }, 'store closed');
    },
  };
}

async function openAttachedStore(config: StoreConfig): Promise<KeyValueStore> {
  const url = config.STORE_URL ?? config.REDIS_URL;
  if (url === undefined) return openSqliteStore(resolve(config.SQLITE_PATH));
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') return openRedisStore({ url });
  if (scheme === 'sqlite') return openSqliteStore(resolve(decodeURIComponent(url.slice('sqlite:'.length).replace(/^\/\//, ''))));
  throw new Error(`The store URL scheme "${scheme}:" is not supported: use redis://, rediss:// or sqlite:path/to/file.sqlite.`);
}
