import { StoreUnavailableError, type KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { KV_EXIT, runKvCommand } from '../../../src/server/store/runKvCommand';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retries `attempt` until it resolves, for at most `withinMs`; the last error if it never does. */
async function eventually<T>(attempt: () => Promise<T>, withinMs: number): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(100);
    }
  }
}

/** How many connections named `name` Redis lists. */
async function connectionsNamed(redis: TestRedis, name: string): Promise<number> {
  const list = await redis.command('CLIENT', 'LIST');
  return list.split('\n').filter((line) => new RegExp(`(^| )name=${name}( |$)`).test(line.trim())).length;
}

describeWithRedis('the Redis store through an outage', () => {
  let redis: TestRedis;
  let running = false;
  let store: KeyValueStore | undefined;

  beforeAll(async () => {
    redis = await startRedis();
    running = true;
  });
  afterAll(async () => {
    await redis.stop();
  });
  beforeEach(async () => {
    if (!running) await redis.start();
    running = true;
    await redis.command('FLUSHALL');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  const stopRedis = async () => {
    await redis.stop();
    running = false;
  };
  const startRedisAgain = async () => {
    await redis.start();
    running = true;
  };

  // The test timeout is the bound: with no offline queue a command must not wait for a reconnect.
  it('while Redis is down, a command rejects with StoreUnavailableError, promptly', async () => {
    store = await openRedisStore({ url: redis.url });
    await store.set('before', 'outage');
    await stopRedis();
    await expect(store.get('before')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.increment('hits')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.set('during', 'outage')).rejects.toBeInstanceOf(StoreUnavailableError);
  }, 5_000);

  it('the StoreUnavailableError says the store is unavailable and why', async () => {
    store = await openRedisStore({ url: redis.url });
    await stopRedis();
    const error = await store.get('k').then(
      () => undefined,
      (rejected: unknown) => rejected,
    );
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toMatch(/^The key\/value store is unavailable: .+/);
  }, 5_000);

  it('once Redis is back, the same handle works again without being reopened', async () => {
    store = await openRedisStore({ url: redis.url });
    const handle = store;
    await stopRedis();
    await expect(handle.increment('hits')).rejects.toBeInstanceOf(StoreUnavailableError);
    await startRedisAgain();
    // The client reconnects with backoff capped at 2 s, so allow a few of those.
    expect(await eventually(() => handle.increment('hits'), 10_000)).toBe(1n);
    expect(await handle.get('hits')).toBe('1');
  }, 15_000);

  it('after reconnecting it still holds exactly one connection', async () => {
    store = await openRedisStore({ url: redis.url, connectionName: 'twelvepack' });
    const handle = store;
    await stopRedis();
    await expect(handle.get('k')).rejects.toBeInstanceOf(StoreUnavailableError);
    await startRedisAgain();
    await eventually(() => handle.get('k'), 10_000);
    expect(await connectionsNamed(redis, 'twelvepack')).toBe(1);
  }, 15_000);

  it('npm run kv exits 3 (unavailable) while Redis is down', async () => {
    store = await openRedisStore({ url: redis.url });
    await stopRedis();
    const result = await runKvCommand(store, ['get', 'k']);
    expect(result.code).toBe(KV_EXIT.unavailable);
    expect(result.error).toMatch(/unavailable/);
  }, 5_000);
});

describeWithRedis('the Redis store’s connections', () => {
  let redis: TestRedis;

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('50 commands, sequential and concurrent, on one handle use exactly one connection, named twelvepack', async () => {
    const store = await openRedisStore({ url: redis.url });
    try {
      for (let i = 0; i < 25; i += 1) await store.increment('hits');
      await Promise.all(Array.from({ length: 25 }, () => store.increment('hits')));
      expect(await store.get('hits')).toBe('50');
      expect(await connectionsNamed(redis, 'twelvepack')).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('close() leaves no connection behind', async () => {
    const store = await openRedisStore({ url: redis.url });
    await store.get('k');
    expect(await connectionsNamed(redis, 'twelvepack')).toBe(1);
    await store.close();
    // Redis frees a client just after writing the reply to QUIT, so allow it a moment.
    await eventually(async () => {
      if ((await connectionsNamed(redis, 'twelvepack')) !== 0) throw new Error('a twelvepack connection is still listed');
    }, 1_000);
  });
});
