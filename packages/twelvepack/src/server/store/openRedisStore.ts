import Redis from 'ioredis';
import { IncrementOverflowError, NotAnIntegerError, StoreArgumentError, StoreUnavailableError, type KeyValueStore } from './KeyValueStore';
import { checkMgetKeys, scanCountOf } from './storeLimits';

/** Options for {@link openRedisStore}. */
export interface RedisStoreOptions {
  /** redis:// or rediss:// URL, credentials included. */
  readonly url: string;
  /** Names the connection in CLIENT LIST, so it can be counted. */
  readonly connectionName?: string;
}

/**
 * The Redis store, through ioredis. It connects at boot (a failure stops the
 * start), then never queues commands while disconnected: a request fails at
 * once with StoreUnavailableError (503) while the client reconnects with
 * bounded backoff, and service resumes by itself.
 */
export async function openRedisStore({ url, connectionName = 'twelvepack' }: RedisStoreOptions): Promise<KeyValueStore> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectionName,
    // Integer replies as decimal strings: ioredis parses them as doubles otherwise, and INCR
    // beyond 2^53 comes back rounded (storeContract.test.ts). This client is the store's own, and its only
    // integer replies are INCR's and DEL's; its typings still say number, hence BigInt() and Number().
    stringNumbers: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2000,
    commandTimeout: 2000,
    // Reconnect forever, 100 ms doubling up to 2 s.
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    // Reported per request as 503; without a listener ioredis would print every reconnect attempt.
    lastError = error;
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    // ioredis rejects with "Connection is closed"; the cause came through the error event.
    const cause = (lastError ?? (error as Error)).message.replace(/\.+$/, '');
    const hint = /WRONGPASS|NOAUTH|invalid password/i.test(cause)
      ? 'Redis refused the credentials: check the user and password in STORE_URL/REDIS_URL.'
      : 'Start Redis or fix STORE_URL/REDIS_URL.';
    throw new Error(`Cannot connect to Redis at ${redactUrl(url)}: ${cause}. ${hint}`);
  }

  /** Runs a command; an error is a refusal when `refusalOf` names it, else the store is unavailable. */
  const run = async <T>(command: () => Promise<T>, refusalOf?: (error: unknown) => Error | undefined): Promise<T> => {
    try {
      return await command();
    } catch (error) {
      const refusal = refusalOf?.(error);
      if (refusal !== undefined) throw refusal;
      throw new StoreUnavailableError(error);
    }
  };

  return {
    kind: 'redis',
    get: (key) => run(() => client.get(key)),
    set: async (key, value, ttlMs) => {
      await run(() => (ttlMs === undefined ? client.set(key, value) : client.set(key, value, 'PX', ttlMs)));
    },
    setIfAbsent: async (key, value, ttlMs) =>
      (await run(() => (ttlMs === undefined ? client.set(key, value, 'NX') : client.set(key, value, 'PX', ttlMs, 'NX')))) === 'OK',
    delete: async (key) => Number(await run(() => client.del(key))) > 0,
    increment: async (key) => BigInt(await run(() => client.incr(key), (error) => incrementRefusal(key, error))),
    scan: async (prefix, options = {}) => {
      const count = scanCountOf(options);
      const cursor = options.cursor ?? '0';
      const [next, keys] = await run(() => client.scan(cursor, 'MATCH', `${escapeGlob(prefix)}*`, 'COUNT', count), (error) => cursorRefusal(cursor, error));
      return { cursor: next, keys };
    },
    mget: async (keys) => {
      checkMgetKeys(keys);
      // MGET with no keys is a syntax error to Redis; the answer it would mean is [].
      return keys.length === 0 ? [] : run(() => client.mget([...keys]));
    },
    close: async () => {
      await client.quit().catch(() => client.disconnect());
    },
  };
}

/** INCR's two refusals, told apart by Redis's own messages; undefined for any other error. */
function incrementRefusal(key: string, error: unknown): Error | undefined {
  const message = (error as Error)?.message ?? '';
  if (message.startsWith('ERR increment or decrement would overflow')) return new IncrementOverflowError(key);
  if (message.startsWith('ERR value is not an integer or out of range')) return new NotAnIntegerError(key);
  return undefined;
}

/** SCAN's refusal of a cursor it did not hand out (`ERR invalid cursor`); undefined for any other error. */
function cursorRefusal(cursor: string, error: unknown): Error | undefined {
  if (!((error as Error)?.message ?? '').startsWith('ERR invalid cursor')) return undefined;
  return new StoreArgumentError(`"${cursor}" is not a cursor of this Redis store: start a scan with cursor "0", then pass the cursor each page answers.`);
}

/** The prefix as a MATCH pattern that matches it literally: Redis's glob characters (* ? [ ] and the backslash) escaped with a backslash. */
function escapeGlob(prefix: string): string {
  return prefix.replace(/[*?[\]\\]/g, '\\$&');
}

/** The URL with its password hidden, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparseable URL)';
  }
}
