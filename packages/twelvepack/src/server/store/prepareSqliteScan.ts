import type Database from 'better-sqlite3';
import { StoreArgumentError, type ScanOptions, type ScanPage } from './KeyValueStore';
import { scanCountOf } from './storeLimits';

const CURSOR = /^k[A-Za-z0-9_-]*$/;

/**
 * SCAN for the SQLite store: pages in key order (SQLite compares TEXT by its
 * UTF-8 bytes), each going on after the last key of the one before, which the
 * cursor carries ('k' and the key in base64url). So no key comes twice, and a
 * key written or deleted during the scan is seen or not, as on Redis.
 */
export function prepareSqliteScan(db: Database.Database): (prefix: string, options?: ScanOptions) => Promise<ScanPage> {
  const live = '(expires_at IS NULL OR expires_at > ?) ORDER BY key LIMIT ?';
  const fromPrefix = db.prepare<[string, number, number], { key: string }>(`SELECT key FROM kv WHERE key >= ? AND ${live}`);
  const afterKey = db.prepare<[string, number, number], { key: string }>(`SELECT key FROM kv WHERE key > ? AND ${live}`);

  return async (prefix, options = {}) => {
    const count = scanCountOf(options);
    const after = keyOfCursor(options.cursor ?? '0');
    // The keys under a prefix are one run in byte order, from the prefix itself; a cursor before that run starts it.
    const start = after === undefined || Buffer.compare(Buffer.from(after), Buffer.from(prefix)) < 0;
    // One row past the page tells whether there is another page, so the last page ends the scan itself.
    const rows = (start ? fromPrefix.all(prefix, Date.now(), count + 1) : afterKey.all(after, Date.now(), count + 1));
    const keys: string[] = [];
    for (const { key } of rows) {
      if (!key.startsWith(prefix)) break;
      keys.push(key);
    }
    if (keys.length <= count) return { cursor: '0', keys };
    keys.length = count;
    return { cursor: `k${Buffer.from(keys[count - 1]!).toString('base64url')}`, keys };
  };
}

/** The last key a cursor carries; undefined for '0', the start. */
function keyOfCursor(cursor: string): string | undefined {
  if (cursor === '0') return undefined;
  const encoded = cursor.slice(1);
  if (!CURSOR.test(cursor) || Buffer.from(encoded, 'base64url').toString('base64url') !== encoded) {
    throw new StoreArgumentError(`"${cursor}" is not a cursor of this SQLite store: start a scan with cursor "0", then pass the cursor each page answers.`);
  }
  return Buffer.from(encoded, 'base64url').toString('utf8');
}
