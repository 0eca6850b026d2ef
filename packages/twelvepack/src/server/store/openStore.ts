import { resolve } from 'node:path';
import type { KeyValueStore } from './KeyValueStore';
import { openRedisStore } from './openRedisStore';
import { openSqliteStore } from './openSqliteStore';

/** What decides the store: the config's STORE_URL, REDIS_URL and SQLITE_PATH. */
export interface StoreConfig {
  readonly STORE_URL?: string;
  readonly REDIS_URL?: string;
  readonly SQLITE_PATH: string;
}

/**
 * Opens the store the configuration attaches: STORE_URL (redis:, rediss: or
 * sqlite:), else REDIS_URL, else SQLite at SQLITE_PATH. The code never changes
 * when the URL does.
 */
export async function openStore(config: StoreConfig): Promise<KeyValueStore> {
  const url = config.STORE_URL ?? config.REDIS_URL;
  if (url === undefined) return openSqliteStore(resolve(config.SQLITE_PATH));
  const scheme = url.slice(0, url.indexOf(':')).toLowerCase();
  if (scheme === 'redis' || scheme === 'rediss') return openRedisStore({ url });
  if (scheme === 'sqlite') return openSqliteStore(resolve(decodeURIComponent(url.slice('sqlite:'.length).replace(/^\/\//, ''))));
  throw new Error(`The store URL scheme "${scheme}:" is not supported: use redis://, rediss:// or sqlite:path/to/file.sqlite.`);
}
