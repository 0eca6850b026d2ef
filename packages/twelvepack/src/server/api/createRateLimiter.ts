/** Options for {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /** Requests allowed per window and key. */
  readonly limit: number;
  /** Window length in milliseconds. */
  readonly windowMs: number;
  /** Most keys remembered at once; the oldest are forgotten first, so memory stays bounded. */
  readonly maxKeys?: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/**
 * A fixed-window counter per key (per client address): `allow(key)` counts one
 * request and says whether it fits; `retryAfterMs(key)` says, counting nothing,
 * how long until one more would.
 */
export function createRateLimiter({ limit, windowMs, maxKeys = 10_000, now = Date.now }: RateLimiterOptions) {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    /** Milliseconds until one more request from `key` fits: 0 when it fits now. Counts nothing. */
    retryAfterMs(key: string): number {
      const window = windows.get(key);
      if (window === undefined || window.count < limit) return 0;
      return Math.max(0, window.start + windowMs - now());
    },
    /** Counts one request from `key`, and says whether it fits in the key's window. */
    allow(key: string): boolean {
      const time = now();
      let window = windows.get(key);
      if (window === undefined || time - window.start >= windowMs) {
        windows.delete(key);
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value as string);
        window = { start: time, count: 0 };
        windows.set(key, window);
      }
      window.count += 1;
      return window.count <= limit;
    },
  };
}
