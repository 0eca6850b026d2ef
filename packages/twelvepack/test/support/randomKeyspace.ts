// A seeded random keyspace for the store differential spec's SCAN and MGET: keys under prefixes
// that share beginnings and hold glob characters, some expiring, some deleted, and the lists to ask for.
import { createRandom, SHORT_TTL_MAX_MS } from './randomStoreOperations';

/** One write: a short `ttlMs` (at most SHORT_TTL_MAX_MS) expires at once, a long one never during a run; a `deleted` key is deleted right after. */
export interface KeyspaceWrite {
  readonly key: string;
  readonly value: string;
  readonly ttlMs?: number;
  readonly deleted: boolean;
}

/** What to write, which prefixes to scan (with the page-size hint for each), and which key lists to mget. */
export interface RandomKeyspace {
  readonly writes: readonly KeyspaceWrite[];
  readonly scans: readonly { readonly prefix: string; readonly count: number }[];
  readonly mgets: readonly (readonly string[])[];
}

/** Prefixes that begin one another, and that a glob would read as a pattern: `acc*` must not list `acc:1`. */
const PREFIXES = ['acc:', 'acc:1', 'acc', 'ac', 'acc*', 'a?c:', '[ac]:', 'acc\\', 'todo:', 'todo:done:', 'ключ:', '🔑:', ''];
const SUFFIX_CHARS = ['0', '1', '7', 'a', 'z', ':', '*', '?', '[', ']', '\\', '-', 'é', ' '];
const COUNTS = [1, 3, 10, 100, 1000];

/** `size` writes from `seed`, every prefix scanned with a random count (and some that no key has), and 30 mget lists. */
export function randomKeyspace(seed: number, size: number): RandomKeyspace {
  const random = createRandom(seed);
  const below = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
  const suffix = () => Array.from({ length: below(6) }, () => pick(SUFFIX_CHARS)).join('');
  const ttlMs = (): number | undefined => {
    const roll = random();
    if (roll < 0.15) return 1 + below(SHORT_TTL_MAX_MS);
    if (roll < 0.3) return 600_000 + below(600_000);
    return undefined;
  };

  const writes: KeyspaceWrite[] = [];
  for (let i = 0; i < size; i += 1) {
    const ttl = ttlMs();
    writes.push({ key: pick(PREFIXES) + suffix(), value: `v${i}`, ...(ttl === undefined ? {} : { ttlMs: ttl }), deleted: random() < 0.1 });
  }
  const scans = [...PREFIXES, 'a', 'todo:d', 'nothing:', '*', '\\', '['].map((prefix) => ({ prefix, count: pick(COUNTS) }));
  const keys = writes.map((write) => write.key);
  const mgets = Array.from({ length: 30 }, () => Array.from({ length: 1 + below(50) }, () => (random() < 0.8 ? pick(keys) : `never:${suffix()}`)));
  return { writes, scans, mgets };
}
