import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { scanAll } from '../../../src/server/store/scanAll';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';
import { randomKeyspace } from '../../support/randomKeyspace';
import { randomStoreOperations, SHORT_TTL_MAX_MS, STORE_OPERATION_KEYS, type StoreOperation } from '../../support/randomStoreOperations';

// The SQLite store against a real redis-server, operation by operation: the same
// answers, values and error kinds alike. A failure names the seed and the index to replay.
const SEEDS = [12, 20_260_612];
const OPERATIONS_PER_SEED = 2_500;
const CHECK_STATE_EVERY = 100;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one store answered, as text: a value, or the kind of error. */
async function answer(store: KeyValueStore, operation: StoreOperation): Promise<string> {
  try {
    switch (operation.kind) {
      case 'get':
        return JSON.stringify(await store.get(operation.key));
      case 'set':
        await store.set(operation.key, operation.value, operation.ttlMs);
        return 'OK';
      case 'setnx':
        return String(await store.setIfAbsent(operation.key, operation.value, operation.ttlMs));
      case 'del':
        return String(await store.delete(operation.key));
      case 'incr':
        return `${await store.increment(operation.key)}n`;
    }
  } catch (error) {
    const { name, message } = error as Error;
    // The two refusals are compared by kind; anything else would be a failure of its own, shown whole.
    return name === 'NotAnIntegerError' || name === 'IncrementOverflowError' ? `error ${name}` : `error ${name}: ${message}`;
  }
}

function describeOperation(operation: StoreOperation): string {
  if (operation.kind !== 'set' && operation.kind !== 'setnx') return `${operation.kind} ${operation.key}`;
  return `${operation.kind} ${operation.key} ${JSON.stringify(operation.value)}${operation.ttlMs === undefined ? '' : ` PX ${operation.ttlMs}`}`;
}

/** Counts for the closing note: operations per kind, errors per kind, results past 2^53 - 1. */
function newCounts() {
  return { operations: {} as Record<string, number>, errors: {} as Record<string, number>, ttls: { long: 0, short: 0 }, incrResultsPast2to53: 0 };
}

describeWithRedis('the SQLite store answers as a real redis-server does, over seeded random operations', () => {
  let redis: TestRedis;
  let dir: string;
  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-store-differential-'));
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SEEDS)(`seed %i: ${OPERATIONS_PER_SEED} operations (get/set/setnx/del/incr, edge integers, TTLs) give identical answers`, async (seed) => {
    await redis.command('FLUSHALL');
    const path = join(dir, `seed-${seed}.sqlite`);
    const sqlite = openSqliteStore(path);
    const redisStore = await openRedisStore({ url: redis.url });
    // Whether a key has a TTL is compared from each store's own record: Redis's PTTL, the SQLite row.
    const sqliteRows = new Database(path, { readonly: true, fileMustExist: true });
    const expiresAt = sqliteRows.prepare<[string], { expires_at: number | null }>('SELECT expires_at FROM kv WHERE key = ?');
    const ttlStateInSqlite = (key: string) => {
      const row = expiresAt.get(key);
      if (row === undefined || (row.expires_at !== null && row.expires_at <= Date.now())) return 'absent';
      return row.expires_at === null ? 'no ttl' : 'ttl';
    };
    const ttlStateInRedis = async (key: string) => {
      const reply = Number(/^:(-?\d+)\r\n$/.exec(await redis.command('PTTL', key))?.[1]);
      if (reply === -2) return 'absent';
      return reply === -1 ? 'no ttl' : 'ttl';
    };
    const compareState = async (): Promise<string | undefined> => {
      for (const key of STORE_OPERATION_KEYS) {
        const values = [await answer(sqlite, { kind: 'get', key }), await answer(redisStore, { kind: 'get', key })];
        const ttls = [ttlStateInSqlite(key), await ttlStateInRedis(key)];
        if (values[0] !== values[1] || ttls[0] !== ttls[1]) return `key ${key}: sqlite holds ${values[0]} (${ttls[0]}), redis ${values[1]} (${ttls[1]})`;
      }
      return undefined;
    };

    const counts = newCounts();
    let mismatch: string | undefined;
    try {
      const operations = randomStoreOperations(seed, OPERATIONS_PER_SEED);
      for (const [index, operation] of operations.entries()) {
        const fromSqlite = await answer(sqlite, operation);
        const fromRedis = await answer(redisStore, operation);
        if (fromSqlite !== fromRedis) {
          mismatch = `seed ${seed}, operation #${index} (${describeOperation(operation)}): sqlite answered ${fromSqlite}, redis answered ${fromRedis}`;
          break;
        }
        counts.operations[operation.kind] = (counts.operations[operation.kind] ?? 0) + 1;
        if (fromSqlite.startsWith('error ')) counts.errors[fromSqlite.slice(6)] = (counts.errors[fromSqlite.slice(6)] ?? 0) + 1;
        if (operation.kind === 'incr' && !fromSqlite.startsWith('error ')) {
          const result = BigInt(fromSqlite.slice(0, -1));
          if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) counts.incrResultsPast2to53 += 1;
        }
        if ('ttl' in operation && operation.ttl !== undefined) counts.ttls[operation.ttl] += 1;
        // Wait out a short TTL at once, on both stores, so no later answer depends on timing.
        if ('ttl' in operation && operation.ttl === 'short') await sleep(SHORT_TTL_MAX_MS + 15);
        if ((index + 1) % CHECK_STATE_EVERY === 0 || index === operations.length - 1) {
          const differs = await compareState();
          if (differs !== undefined) {
            mismatch = `seed ${seed}, after operation #${index}: ${differs}`;
            break;
          }
        }
      }
    } finally {
      sqliteRows.close();
      await sqlite.close();
      await redisStore.close();
    }
    // eslint-disable-next-line no-console
    console.log(`store differential, seed ${seed}: ${JSON.stringify(counts)}`);
    expect(mismatch).toBeUndefined();
    // The sequence must reach what it is for: both refusals, and exact results past 2^53.
    expect(counts.errors).toEqual({ NotAnIntegerError: expect.any(Number), IncrementOverflowError: expect.any(Number) });
    expect(counts.incrResultsPast2to53).toBeGreaterThan(0);
  });
});

const KEYSPACE_SIZE = 800;

describeWithRedis('SCAN and MGET on the SQLite store answer as on a real redis-server, over a seeded random keyspace', () => {
  let redis: TestRedis;
  let dir: string;
  beforeAll(async () => {
    redis = await startRedis();
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-store-differential-scan-'));
  });
  afterAll(async () => {
    await redis.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(SEEDS)(
    `seed %i: ${KEYSPACE_SIZE} writes (prefixes that begin one another or hold glob characters, TTLs, deletes): every full scan yields the same keys, every mget the same values`,
    async (seed) => {
      await redis.command('FLUSHALL');
      const stores = [openSqliteStore(join(dir, `keyspace-${seed}.sqlite`)), await openRedisStore({ url: redis.url })] as const;
      const { writes, scans, mgets } = randomKeyspace(seed, KEYSPACE_SIZE);
      // What both must hold once the short TTLs have passed: the last write of each key, unless deleted or short-lived.
      const live = new Map<string, string>();
      try {
        for (const write of writes) {
          for (const store of stores) {
            await store.set(write.key, write.value, write.ttlMs);
            if (write.deleted) await store.delete(write.key);
          }
          if (write.deleted || (write.ttlMs !== undefined && write.ttlMs <= SHORT_TTL_MAX_MS)) live.delete(write.key);
          else live.set(write.key, write.value);
        }
        await sleep(SHORT_TTL_MAX_MS + 15);
        for (const { prefix, count } of scans) {
          const expected = [...live.keys()].filter((key) => key.startsWith(prefix)).sort();
          const [fromSqlite, fromRedis] = await Promise.all(stores.map(async (store) => (await scanAll(store, prefix, { count })).sort()));
          expect({ prefix, count, sqlite: fromSqlite, redis: fromRedis }).toEqual({ prefix, count, sqlite: expected, redis: expected });
        }
        for (const keys of mgets) {
          const expected = keys.map((key) => live.get(key) ?? null);
          const [fromSqlite, fromRedis] = await Promise.all(stores.map((store) => store.mget(keys)));
          expect({ keys, sqlite: fromSqlite, redis: fromRedis }).toEqual({ keys, sqlite: expected, redis: expected });
        }
        // The keyspace must reach what it is for: prefixes with several keys, expired and deleted keys among the writes.
        expect(scans.filter(({ prefix }) => [...live.keys()].filter((key) => key.startsWith(prefix)).length > 5).length).toBeGreaterThan(8);
        expect(writes.filter((write) => write.deleted || (write.ttlMs ?? Infinity) <= SHORT_TTL_MAX_MS).length).toBeGreaterThan(KEYSPACE_SIZE / 10);
      } finally {
        await Promise.all(stores.map((store) => store.close()));
      }
    },
  );
});
