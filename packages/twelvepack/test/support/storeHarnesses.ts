// The two KeyValueStore implementations, each with how a spec gets a fresh, empty one:
// the contract specs run the same tests on both.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KeyValueStore } from '../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../src/server/store/openSqliteStore';
import { describeWithRedis, startRedis, type TestRedis } from '../../src/testing/startRedis';

/** One implementation of KeyValueStore, and how to give each test a fresh, empty one. */
export interface StoreHarness {
  readonly kind: KeyValueStore['kind'];
  /** `describe`, or `describeWithRedis` when the implementation needs a real Redis. */
  readonly describe: (name: string, body: () => void) => void;
  setUpFile(): Promise<void>;
  tearDownFile(): Promise<void>;
  /** An open handle on an empty store. */
  open(): Promise<KeyValueStore>;
}

/** SQLite on a file of its own per test, and a real redis-server flushed before each. */
export function storeHarnesses(): readonly [StoreHarness, StoreHarness] {
  let sqliteDir = '';
  let sqliteFiles = 0;
  const sqlite: StoreHarness = {
    kind: 'sqlite',
    describe,
    setUpFile: async () => {
      sqliteDir = mkdtempSync(join(tmpdir(), 'twelvepack-store-contract-'));
    },
    tearDownFile: async () => {
      rmSync(sqliteDir, { recursive: true, force: true });
    },
    open: async () => openSqliteStore(join(sqliteDir, `test-${(sqliteFiles += 1)}.sqlite`)),
  };

  let redis: TestRedis | undefined;
  const redisHarness: StoreHarness = {
    kind: 'redis',
    describe: describeWithRedis,
    setUpFile: async () => {
      redis = await startRedis();
    },
    tearDownFile: async () => {
      await redis?.stop();
    },
    open: async () => {
      await redis!.command('FLUSHALL');
      return openRedisStore({ url: redis!.url });
    },
  };
  return [sqlite, redisHarness];
}
