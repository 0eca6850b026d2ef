import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { openStore } from '../../../src/server/store/openStore';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';

/** A port nothing listens on: bound, then released. */
const unusedPort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Whether a value written through one store is in the SQLite file at `path` (read through a second handle). */
async function holds(path: string, key: string): Promise<string | null> {
  const reader = openSqliteStore(path);
  try {
    return await reader.get(key);
  } finally {
    await reader.close();
  }
}

describe('openStore with SQLite', () => {
  let dir: string;
  let store: KeyValueStore | undefined;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'twelvepack-open-store-'));
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('with no store URL opens SQLite at SQLITE_PATH, resolved from the working folder, creating its folder', async () => {
    const absolute = join(dir, 'data', 'nested', 'kv.sqlite');
    store = await openStore({ SQLITE_PATH: relative(process.cwd(), absolute) });
    expect(store.kind).toBe('sqlite');
    await store.set('where', 'SQLITE_PATH');
    expect(existsSync(absolute)).toBe(true);
    expect(await holds(absolute, 'where')).toBe('SQLITE_PATH');
  });

  it('STORE_URL sqlite://relative/x.sqlite opens that file, relative to the working folder', async () => {
    const absolute = join(dir, 'relative', 'x.sqlite');
    store = await openStore({ STORE_URL: `sqlite://${relative(process.cwd(), absolute)}`, SQLITE_PATH: join(dir, 'unused.sqlite') });
    expect(store.kind).toBe('sqlite');
    await store.set('where', 'relative URL');
    expect(await holds(absolute, 'where')).toBe('relative URL');
    expect(existsSync(join(dir, 'unused.sqlite'))).toBe(false);
  });

  it('STORE_URL sqlite:///abs/path opens that absolute file', async () => {
    const absolute = join(dir, 'abs', 'path.sqlite');
    store = await openStore({ STORE_URL: `sqlite://${absolute}`, SQLITE_PATH: join(dir, 'unused.sqlite') });
    expect(store.kind).toBe('sqlite');
    await store.set('where', 'absolute URL');
    expect(await holds(absolute, 'where')).toBe('absolute URL');
    expect(existsSync(join(dir, 'unused.sqlite'))).toBe(false);
  });

  it('STORE_URL wins over REDIS_URL', async () => {
    const absolute = join(dir, 'wins.sqlite');
    // Nothing listens on this REDIS_URL: were it used, openStore would reject.
    store = await openStore({ STORE_URL: `sqlite://${absolute}`, REDIS_URL: `redis://127.0.0.1:${await unusedPort()}`, SQLITE_PATH: join(dir, 'unused.sqlite') });
    expect(store.kind).toBe('sqlite');
    await store.set('where', 'STORE_URL');
    expect(await holds(absolute, 'where')).toBe('STORE_URL');
  });
});

describe('openStore refusals', () => {
  it('an unsupported scheme throws a message naming the supported schemes, without the password', async () => {
    const attempt = openStore({ STORE_URL: 'postgres://app:pg-secret@db.internal:5432/app', SQLITE_PATH: 'unused.sqlite' });
    await expect(attempt).rejects.toThrow(/"postgres:" is not supported/);
    await expect(attempt).rejects.toThrow(/redis:\/\/, rediss:\/\/ or sqlite:/);
    await expect(attempt).rejects.not.toThrow(/pg-secret/);
  });

  it.each([
    ['a password only', (port: number) => `redis://:hunter2-secret@127.0.0.1:${port}`, (port: number) => `redis://:***@127.0.0.1:${port}`],
    ['a user and password', (port: number) => `redis://default:hunter2-secret@127.0.0.1:${port}/0`, (port: number) => `redis://default:***@127.0.0.1:${port}/0`],
  ])('a Redis URL with %s that nobody listens on rejects naming the URL with the password hidden, and says what to do', async (_label, urlFor, shownFor) => {
    const port = await unusedPort();
    const message = await openStore({ REDIS_URL: urlFor(port), SQLITE_PATH: 'unused.sqlite' }).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    expect(message).toContain(`Cannot connect to Redis at ${shownFor(port)}`);
    expect(message).toMatch(/Start Redis or fix STORE_URL\/REDIS_URL/);
    expect(message).not.toContain('hunter2-secret');
  });

  it('a Redis URL nobody listens on says the connection was refused', async () => {
    const port = await unusedPort();
    const message = await openStore({ REDIS_URL: `redis://127.0.0.1:${port}`, SQLITE_PATH: 'unused.sqlite' }).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    expect(message).toMatch(/ECONNREFUSED|refused/i);
  });

  it('a password with characters that need escaping never shows, raw or percent-encoded', async () => {
    const port = await unusedPort();
    const password = 'p@ss word/with:colons';
    const message = await openStore({ STORE_URL: `redis://:${encodeURIComponent(password)}@127.0.0.1:${port}`, SQLITE_PATH: 'unused.sqlite' }).then(
      () => 'connected',
      (error: Error) => error.message,
    );
    expect(message).toContain(`redis://:***@127.0.0.1:${port}`);
    expect(message).not.toContain(password);
    expect(message).not.toContain(encodeURIComponent(password));
  });
});

describeWithRedis('openStore with Redis', () => {
  let redis: TestRedis;
  let store: KeyValueStore | undefined;

  beforeAll(async () => {
    redis = await startRedis({ password: 'open-store-secret' });
  });
  afterAll(async () => {
    await redis.stop();
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('REDIS_URL opens the Redis store, and what it writes is in that Redis', async () => {
    store = await openStore({ REDIS_URL: redis.url, SQLITE_PATH: 'unused.sqlite' });
    expect(store.kind).toBe('redis');
    await store.set('where', 'REDIS_URL');
    expect(await redis.command('GET', 'where')).toBe('$9\r\nREDIS_URL\r\n');
  });

  it('STORE_URL redis://… opens the Redis store even when REDIS_URL names another', async () => {
    store = await openStore({ STORE_URL: redis.url, REDIS_URL: `redis://127.0.0.1:${await unusedPort()}`, SQLITE_PATH: 'unused.sqlite' });
    expect(store.kind).toBe('redis');
  });

  /** Opens the store with the right user and a wrong password; the rejection's message, or 'connected'. */
  const openWithWrongPassword = () =>
    openStore({ REDIS_URL: redis.url.replace('open-store-secret', 'wrong-secret'), SQLITE_PATH: 'unused.sqlite' }).then(
      (opened) => {
        store = opened;
        return 'connected';
      },
      (error: Error) => error.message,
    );

  it('a wrong password rejects at open, without showing either password', async () => {
    const message = await openWithWrongPassword();
    expect(message).toContain(`Cannot connect to Redis at redis://:***@127.0.0.1:${redis.port}`);
    expect(message).not.toMatch(/open-store-secret|wrong-secret/);
  });

  it('a wrong password says Redis refused the credentials, not "Start Redis"', async () => {
    const message = await openWithWrongPassword();
    expect(message).toMatch(/WRONGPASS/);
  });
});
