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
  /** Atomically adds one (a missing key counts as 0) and returns the new value; keeps the TTL. */
  increment(key: string): Promise<number>;
  /** Closes the handle. */
  close(): Promise<void>;
}

/** The store cannot be reached right now: requests get 503, and it recovers by itself. */
export class StoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`The key/value store is unavailable: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'StoreUnavailableError';
  }
}

/** INCR on a value that is not a whole number, as Redis refuses it. */
export class NotAnIntegerError extends Error {
  constructor(key: string) {
    super(`The value of "${key}" is not an integer (or is out of range), so it cannot be incremented.`);
    this.name = 'NotAnIntegerError';
  }
}
