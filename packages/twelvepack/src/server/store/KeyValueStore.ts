import { HttpError } from '../http/HttpError';

/**
 * A key/value store with Redis semantics, attached by URL (twelve-factor IV).
 * One handle per process, opened at boot and closed at shutdown.
 */
export interface KeyValueStore {
  /** `sqlite` or `redis`. */
  readonly kind: 'sqlite' | 'redis';
  /** The value, or null when absent or expired. */
  get(key: string): Promise<string | null>;
  /** Sets the value; a TTL makes it expire, no TTL clears any earlier one. */
  set(key: string, value: string, ttlMs?: number): Promise<void>;
  /** Sets only if absent (SETNX); true when it was set. */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Deletes; true when the key existed. */
  delete(key: string): Promise<boolean>;
  /**
   * INCR: atomically adds one (a missing key counts as 0), keeps the TTL, and
   * returns the new value exactly, as a bigint: values are signed 64-bit
   * integers, as Redis's, beyond what a JS number holds exactly (2^53 - 1).
   * Throws {@link NotAnIntegerError} when the stored value is not a plain
   * decimal integer from -2^63 to 2^63 - 1, and {@link IncrementOverflowError}
   * when it is already 2^63 - 1; either way the value is left as it was.
   * JSON.stringify refuses a bigint: answer it with `jsonInteger(value)`.
   */
  increment(key: string): Promise<bigint>;
  /**
   * SCAN with `MATCH <prefix>*` (the prefix matched literally, glob characters
   * and all): one page of the live keys that start with `prefix` ('' for all),
   * and the cursor to pass next; cursor '0' starts a scan and ends one. `count`
   * is a hint for the page size, {@link STORE_LIMITS}.scanDefaultCount by
   * default, from 1 to {@link STORE_LIMITS}.scanMaxCount (more is refused with
   * {@link StoreArgumentError}). As with Redis, a caller that loops until the
   * cursor is '0' sees every key that was present for the whole scan, at least
   * once; a page may be empty with a cursor that is not '0'. On Redis a key may
   * come twice and pages have no order; SQLite's pages are ordered by key (its
   * UTF-8 bytes), hold at most `count` keys and never repeat one. Cursors are
   * opaque strings of the store that handed them out. `scanAll` loops for you.
   */
  scan(prefix: string, options?: ScanOptions): Promise<ScanPage>;
  /**
   * MGET: the values of `keys`, in their order, null for an absent or expired
   * key, read at one moment. At most {@link STORE_LIMITS}.mgetMaxKeys keys
   * (more is refused with {@link StoreArgumentError}); no keys give [].
   */
  mget(keys: readonly string[]): Promise<(string | null)[]>;
  /** Closes the handle. */
  close(): Promise<void>;
}

/** Options for {@link KeyValueStore.scan}. */
export interface ScanOptions {
  /** Where to go on: '0' (the default) to start, then the cursor the last page answered. */
  readonly cursor?: string;
  /** How many keys a page should hold, a hint: 1 to {@link STORE_LIMITS}.scanMaxCount. */
  readonly count?: number;
}

/** One page of {@link KeyValueStore.scan}. */
export interface ScanPage {
  /** The cursor for the next page; '0' when the scan is done. */
  readonly cursor: string;
  /** Keys of this page; possibly none. */
  readonly keys: string[];
}

/** What one scan or mget call accepts, on both stores, so no call holds the store (or Redis's one thread) for long. */
export const STORE_LIMITS = { scanDefaultCount: 100, scanMaxCount: 1000, mgetMaxKeys: 1000 } as const;

/**
 * A call outside what the store accepts: a scan count or an mget list past
 * {@link STORE_LIMITS}, or a cursor the store did not hand out: 400.
 */
export class StoreArgumentError extends HttpError {
  constructor(message: string) {
    super(400, message);
    this.name = 'StoreArgumentError';
  }
}

/**
 * The store cannot be reached right now: requests get 503 with Retry-After, and
 * it recovers by itself. The cause is kept for the log, not sent to the client.
 */
export class StoreUnavailableError extends HttpError {
  constructor(cause: unknown) {
    super(503, 'The store is unavailable right now; try again shortly.', {
      headers: { 'Retry-After': '1' },
      logMessage: `The key/value store is unavailable: ${(cause as Error)?.message ?? String(cause)}`,
    });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * INCR on a value Redis refuses with `ERR value is not an integer or out of
 * range`: not a plain signed 64-bit decimal (no "+", leading zeros, "-0" or
 * spaces; from -2^63 to 2^63 - 1): 409.
 */
export class NotAnIntegerError extends HttpError {
  constructor(key: string) {
    super(
      409,
      `The value of "${key}" is not an integer (or is out of range), so it cannot be incremented. ` +
        'Set it to a whole number from -9223372036854775808 to 9223372036854775807, written plainly (no "+", leading zeros or spaces), or delete it to count from 0.',
    );
    this.name = 'NotAnIntegerError';
  }
}

/** INCR on 2^63 - 1, which Redis refuses with `ERR increment or decrement would overflow`: 409. */
export class IncrementOverflowError extends HttpError {
  constructor(key: string) {
    super(
      409,
      `Incrementing "${key}" would overflow: its value is already 9223372036854775807, the largest signed 64-bit integer. ` +
        'Set it to a smaller value, or delete it to count from 0.',
    );
    this.name = 'IncrementOverflowError';
  }
}
