import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../../src/server/store/openSqliteDatabase';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';

/**
 * Another process holds a write lock on a file still in rollback-journal mode, as a cluster
 * worker does while it creates a fresh store: switching to WAL then fails with SQLITE_BUSY at
 * once, busy timeout or not. The holder prints "held", keeps the lock for `holdMs`, then lets go.
 */
async function holdWriteLock(path: string, holdMs: number): Promise<ChildProcess> {
  const holder = [
    "const Database = require('better-sqlite3');",
    'const db = new Database(process.env.DB);',
    "db.exec('CREATE TABLE IF NOT EXISTS t (x)');",
    "db.exec('BEGIN'); db.exec('INSERT INTO t VALUES (1)');",
    "process.stdout.write('held\\n');",
    "setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.env.HOLD_MS));",
  ].join('\n');
  const child = spawn(process.execPath, ['-e', holder], { cwd: __dirname, env: { ...process.env, DB: path, HOLD_MS: String(holdMs) }, stdio: ['ignore', 'pipe', 'inherit'] });
  await once(child.stdout!, 'data');
  return child;
}

describe('openSqliteDatabase: opening a file another process is writing to', () => {
  let dir: string;
  let holder: ChildProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-sqlite-open-'));
  });
  afterEach(async () => {
    if (holder && holder.exitCode === null) {
      holder.kill();
      await once(holder, 'exit');
    }
    holder = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('waits for the lock to go, then opens the file in WAL mode (it failed at once with SQLITE_BUSY)', async () => {
    const path = join(dir, 'store.sqlite');
    holder = await holdWriteLock(path, 400);
    const store = openSqliteStore(path);
    await store.set('opened', 'yes');
    expect(await store.get('opened')).toBe('yes');
    await store.close();
    const db = openSqliteDatabase(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('gives up after waitMs with an error that names the file and what to do', async () => {
    const path = join(dir, 'store.sqlite');
    holder = await holdWriteLock(path, 60_000);
    let thrown: unknown;
    try {
      openSqliteDatabase(path, { waitMs: 150 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toContain(`the SQLite file ${path} stayed locked for 150 ms`);
    expect((thrown as Error).message).toContain('point SQLITE_PATH at a file of this app’s own');
    expect(((thrown as Error).cause as { code?: string }).code).toBe('SQLITE_BUSY');
  });

  it('opens an in-memory database too (its journal mode stays "memory")', () => {
    const db = openSqliteDatabase(':memory:');
    expect(db.pragma('journal_mode', { simple: true })).toBe('memory');
    db.close();
  });
});
