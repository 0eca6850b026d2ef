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
