import { STORE_LIMITS, type KeyValueStore } from './KeyValueStore';

/**
 * Every live key that starts with `prefix`, each once: scan's pages until the
 * cursor is '0', duplicates dropped (Redis may repeat a key), in the order the
 * pages gave them. Holds the whole list in memory: for a large keyspace, loop
 * on `store.scan` and handle each page as it comes.
 */
export async function scanAll(store: KeyValueStore, prefix: string, { count = STORE_LIMITS.scanMaxCount }: { count?: number } = {}): Promise<string[]> {
  const seen = new Set<string>();
  let cursor = '0';
  do {
    const page = await store.scan(prefix, { cursor, count });
    for (const key of page.keys) seen.add(key);
    cursor = page.cursor;
  } while (cursor !== '0');
  return [...seen];
}
