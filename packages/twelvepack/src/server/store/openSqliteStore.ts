import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyValueStore } from './KeyValueStore';
import { incrementValue } from './incrementValue';
import { openSqliteDatabase } from './openSqliteDatabase';
import { prepareSqliteScan } from './prepareSqliteScan';
import { checkMgetKeys } from './storeLimits';

/**
 * The embedded store: SQLite through better-sqlite3 on a local file, in WAL
 * mode so readers never block the writer. Every write is one IMMEDIATE
 * transaction with a busy timeout, so cluster workers (separate processes) on
 * one machine can share the file and INCR stays exact.
 */
export function openSqliteStore(path: string): KeyValueStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = openSqliteDatabase(path);
  db.exec('CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, expires_at INTEGER) WITHOUT ROWID');

  const live = 'key = ? AND (expires_at IS NULL OR expires_at > ?)';
  const select = db.prepare<[string, number], { value: string; expires_at: number | null }>(`SELECT value, expires_at FROM kv WHERE ${live}`);
  const upsert = db.prepare('INSERT INTO kv (key, value, expires_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, expires_at = excluded.expires_at');
  const remove = db.prepare('DELETE FROM kv WHERE key = ?');
  const removeLive = db.prepare(`DELETE FROM kv WHERE ${live}`);
  const expiry = (ttlMs?: number) => (ttlMs === undefined ? null : Date.now() + ttlMs);

  const setIfAbsent = db.transaction((key: string, value: string, ttlMs?: number) => {
    if (select.get(key, Date.now()) !== undefined) return false;
    upsert.run(key, value, expiry(ttlMs));
    return true;
  });
  // Values are TEXT, as Redis's strings are (GET of "007" is "007"), so the 64-bit arithmetic is
  // BigInt's on that text, inside the IMMEDIATE transaction. SQLite's own `value + 1` would turn
  // into a double past 2^63 - 1, and better-sqlite3's safeIntegers only changes how INTEGER
  // columns are read: a value is never one (storeDifferential.test.ts compares it with Redis).
  const increment = db.transaction((key: string) => {
    const current = select.get(key, Date.now());
    const next = incrementValue(key, current?.value);
    upsert.run(key, next.toString(), current?.expires_at ?? null);
    return next;
  });

  // One deferred transaction: in WAL mode every read sees the same snapshot, as MGET is atomic on Redis.
  const mget = db.transaction((keys: readonly string[]) => {
    const now = Date.now();
    return keys.map((key) => select.get(key, now)?.value ?? null);
  });

  return {
    kind: 'sqlite',
    get: async (key) => select.get(key, Date.now())?.value ?? null,
    set: async (key, value, ttlMs) => {
      upsert.run(key, value, expiry(ttlMs));
    },
    setIfAbsent: async (key, value, ttlMs) => setIfAbsent.immediate(key, value, ttlMs),
    delete: async (key) => {
      const existed = removeLive.run(key, Date.now()).changes > 0;
      remove.run(key);
      return existed;
    },
    increment: async (key) => increment.immediate(key),
    scan: prepareSqliteScan(db),
    mget: async (keys) => {
      checkMgetKeys(keys);
      return mget(keys);
    },
    close: async () => {
      db.close();
    },
  };
}
