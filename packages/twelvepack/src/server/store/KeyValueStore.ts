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
  /** Atomically adds one (a missing key counts as 0) and returns the new value; keeps the TTL. */
  increment(key: string): Promise<number>;
  /** Closes the handle. */
  close(): Promise<void>;
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

/** INCR on a value that is not a whole number, as Redis refuses it: 409. */
export class NotAnIntegerError extends HttpError {
  constructor(key: string) {
    super(409, `The value of "${key}" is not an integer (or is out of range), so it cannot be incremented.`);
    this.name = 'NotAnIntegerError';
  }
}
