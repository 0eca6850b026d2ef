// A seeded random sequence of key/value operations for the store differential spec:
// the same seed gives the same sequence, so a mismatch is replayed from its seed and index.

/** One KeyValueStore call. `ttlMs` is set for a TTL; `short` ones expire within the 20 ms the spec then waits. */
export type StoreOperation =
  | { readonly kind: 'get' | 'del' | 'incr'; readonly key: string }
  | { readonly kind: 'set' | 'setnx'; readonly key: string; readonly value: string; readonly ttlMs?: number; readonly ttl?: 'long' | 'short' };

/** Short TTLs are at most this long; the spec waits longer than it after each one. */
export const SHORT_TTL_MAX_MS = 5;

const KEYS = ['k0', 'k1', 'k2', 'k3'];

// Where integers change meaning: a double's exact range, the 64-bit range, 32-bit words, 10^18.
const EDGES = [0n, 2n ** 31n, 2n ** 32n, 10n ** 18n, 2n ** 53n, 2n ** 63n].flatMap((edge) => (edge === 0n ? [0n] : [edge, -edge]));

// Not integers for INCR, or out of its range, written the ways people and scripts write numbers.
const NOT_PLAIN = ['', '-0', '007', '00', '-01', '+1', ' 1', '1 ', '\t1', '1\n', '-', 'abc', '1.5', '1.0', '1e3', '0x1F', '٣',
  '09223372036854775807', '-09223372036854775808', '18446744073709551616', '123456789012345678901234567890'];

/** mulberry32: small, fast and good enough to spread operations; not for anything secret. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` operations from `seed`: INCR-heavy, over a few keys, with values at and around the edges. */
export function randomStoreOperations(seed: number, count: number): StoreOperation[] {
  const random = createRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;

  const randomInt64 = () => BigInt.asIntN(64, (BigInt(below(2 ** 32)) << 32n) | BigInt(below(2 ** 32)));
  const value = (): string => {
    const roll = random();
    if (roll < 0.45) return (pick(EDGES) + BigInt(below(7) - 3)).toString();
    if (roll < 0.55) return (pick([2n ** 63n - 1n, -(2n ** 63n)]) - BigInt(below(3)) * pick([1n, -1n])).toString();
    if (roll < 0.75) return pick(NOT_PLAIN);
    if (roll < 0.85) return randomInt64().toString();
    return String(below(11) - 5);
  };
  const ttl = (): { ttlMs?: number; ttl?: 'long' | 'short' } => {
    const roll = random();
    // Long ones (10 minutes to a day, to the ms) never expire during the run; their presence is compared.
    if (roll < 0.2) return { ttlMs: 600_000 + below(86_400_000 - 600_000), ttl: 'long' };
    if (roll < 0.3) return { ttlMs: 1 + below(SHORT_TTL_MAX_MS), ttl: 'short' };
    return {};
  };

  const operations: StoreOperation[] = [];
  for (let i = 0; i < count; i += 1) {
    const key = pick(KEYS);
    const roll = random();
    if (roll < 0.4) operations.push({ kind: 'incr', key });
    else if (roll < 0.6) operations.push({ kind: 'set', key, value: value(), ...ttl() });
    else if (roll < 0.7) operations.push({ kind: 'setnx', key, value: value(), ...ttl() });
    else if (roll < 0.9) operations.push({ kind: 'get', key });
    else operations.push({ kind: 'del', key });
  }
  return operations;
}

/** The keys the operations use, for comparing the whole state. */
export const STORE_OPERATION_KEYS: readonly string[] = KEYS;
