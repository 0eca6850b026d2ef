import Database from 'better-sqlite3';
import { explainNativeLoadError } from './explainNativeLoadError';

/** How long opening waits, in all, for another process's lock on the file to go. */
const DEFAULT_WAIT_MS = 5000;

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Opens the SQLite file in WAL mode, with a busy timeout for every later statement.
 *
 * Switching a file to WAL needs an exclusive lock, and SQLite answers SQLITE_BUSY at once, without
 * waiting, when another connection holds a write lock at that moment: two cluster workers opening
 * a fresh file together do this. So opening retries, with a growing pause, for up to `waitMs`.
 * It is synchronous (the store opens once per process, before the server listens), so the pause
 * blocks this process only, never another.
 */
export function openSqliteDatabase(path: string, { waitMs = DEFAULT_WAIT_MS }: { waitMs?: number } = {}): Database.Database {
  const deadline = Date.now() + waitMs;
  for (let wait = 10; ; wait = Math.min(wait * 2, 250)) {
    const db = newDatabase(path, waitMs);
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      return db;
    } catch (error) {
      db.close();
      const busy = (error as { code?: unknown }).code === 'SQLITE_BUSY';
      if (!busy) throw error;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `the SQLite file ${path} stayed locked for ${waitMs} ms while opening it (SQLITE_BUSY): another process is writing to it. ` +
            'If that is another copy of this app, it should let go within a moment: restart this one. ' +
            'Otherwise stop the other process, or point SQLITE_PATH at a file of this app’s own.',
          { cause: error },
        );
      }
      pause(Math.min(wait, left));
    }
  }
}

/** better-sqlite3's constructor, which loads its native part on first use: a missing or foreign build says what to do. */
function newDatabase(path: string, waitMs: number): Database.Database {
  try {
    return new Database(path, { timeout: waitMs });
  } catch (error) {
    throw explainNativeLoadError(error) ?? error;
  }
}
