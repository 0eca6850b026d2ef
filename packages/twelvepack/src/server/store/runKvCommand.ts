import { IncrementOverflowError, NotAnIntegerError, STORE_LIMITS, StoreArgumentError, StoreUnavailableError, type KeyValueStore } from './KeyValueStore';
import { scanAll } from './scanAll';

/** What a kv command printed and its exit code. */
export interface KvResult {
  readonly code: number;
  readonly output?: string;
  readonly error?: string;
}

/** Exit codes: 0 done, 1 not found or not set, 2 usage, 3 store unavailable, 4 not an integer, 5 incr would overflow. */
export const KV_EXIT = { ok: 0, notDone: 1, usage: 2, unavailable: 3, notAnInteger: 4, overflow: 5 } as const;

export const KV_USAGE = [
  'usage: npm run kv -- <command>',
  '  get <key>                    print the value (exit 1 when absent)',
  '  set <key> <value> [ttl-s]    store a value, optionally expiring after ttl seconds',
  '  setnx <key> <value> [ttl-s]  store only if absent (exit 1 when it exists)',
  '  del <key>                    delete (exit 1 when absent)',
  '  incr <key>                   add one and print the new value (a signed 64-bit integer, exact)',
  '  scan [prefix]                print every key that starts with prefix (every key without one), one a line, sorted',
  `  mget <key>...                print each value as a JSON string (null when absent), one a line, in order; at most ${STORE_LIMITS.mgetMaxKeys} keys`,
].join('\n');

const usage = (problem: string): KvResult => ({ code: KV_EXIT.usage, error: `${problem}\n${KV_USAGE}` });

/** Runs one command against an open store; never exits the process itself. */
export async function runKvCommand(store: KeyValueStore, args: readonly string[]): Promise<KvResult> {
  try {
    if (args[0] === 'scan') return await runScan(store, args.slice(1));
    if (args[0] === 'mget') return await runMget(store, args.slice(1));
    return await runKeyCommand(store, args);
  } catch (error) {
    if (error instanceof NotAnIntegerError) return { code: KV_EXIT.notAnInteger, error: error.message };
    if (error instanceof IncrementOverflowError) return { code: KV_EXIT.overflow, error: error.message };
    if (error instanceof StoreUnavailableError) return { code: KV_EXIT.unavailable, error: error.message };
    if (error instanceof StoreArgumentError) return usage(error.message);
    throw error;
  }
}

/** The commands on one key: get, set, setnx, del, incr. */
async function runKeyCommand(store: KeyValueStore, args: readonly string[]): Promise<KvResult> {
  const [command, key, value, ttl] = args;
  if (key === undefined || key === '') return usage(command === undefined ? 'no command given' : `"${command}" needs a key`);
  const ttlMs = ttl === undefined ? undefined : Number(ttl) * 1000;
  if (ttl !== undefined && !(/^\d+$/.test(ttl) && Number(ttl) > 0)) return usage(`ttl must be a whole number of seconds (got "${ttl}")`);
  switch (command) {
    case 'get': {
      const found = await store.get(key);
      return found === null ? { code: KV_EXIT.notDone, error: `no key "${key}"` } : { code: KV_EXIT.ok, output: found };
    }
    case 'set':
      if (value === undefined) return usage('set needs a value');
      await store.set(key, value, ttlMs);
      return { code: KV_EXIT.ok, output: 'OK' };
    case 'setnx':
      if (value === undefined) return usage('setnx needs a value');
      return (await store.setIfAbsent(key, value, ttlMs)) ? { code: KV_EXIT.ok, output: 'OK' } : { code: KV_EXIT.notDone, error: `"${key}" already exists` };
    case 'del':
      return (await store.delete(key)) ? { code: KV_EXIT.ok, output: 'deleted' } : { code: KV_EXIT.notDone, error: `no key "${key}"` };
    case 'incr':
      return { code: KV_EXIT.ok, output: (await store.increment(key)).toString() };
    default:
      return usage(`unknown command "${command}"`);
  }
}

/**
 * `scan [prefix]`: every key, sorted by its UTF-8 bytes (SQLite's own order), so both stores print
 * the same lines for the same keys; Redis gives its pages in no order. No keys print nothing.
 */
async function runScan(store: KeyValueStore, args: readonly string[]): Promise<KvResult> {
  if (args.length > 1) return usage(`scan takes one prefix (got ${args.length} arguments; quote a prefix with spaces)`);
  const keys = (await scanAll(store, args[0] ?? '')).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  return keys.length === 0 ? { code: KV_EXIT.ok } : { code: KV_EXIT.ok, output: keys.join('\n') };
}

/** `mget <key>...`: one line per key, JSON, so a value with a newline stays on its line and null is not a value. */
async function runMget(store: KeyValueStore, keys: readonly string[]): Promise<KvResult> {
  if (keys.length === 0 || keys.includes('')) return usage('"mget" needs one or more keys, none of them empty');
  const values = await store.mget(keys);
  return { code: KV_EXIT.ok, output: values.map((value) => JSON.stringify(value)).join('\n') };
}
