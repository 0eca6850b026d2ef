import { IncrementOverflowError, NotAnIntegerError } from './KeyValueStore';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

// What Redis's string2ll takes: "0", or an optional "-" and digits without a leading zero
// (so no "-0", "007", "+1", spaces or empty string). The range is checked after.
const PLAIN_INTEGER = /^(0|-?[1-9][0-9]*)$/;

/**
 * INCR's arithmetic, exactly as Redis does it, for a store that keeps values
 * as text: the value after `current` (undefined when the key is absent, which
 * counts as 0). Throws NotAnIntegerError for text that is not a signed 64-bit
 * decimal integer, and IncrementOverflowError when the result would pass 2^63 - 1.
 */
export function incrementValue(key: string, current: string | undefined): bigint {
  const value = current === undefined ? 0n : parseInt64(current);
  if (value === undefined) throw new NotAnIntegerError(key);
  if (value === INT64_MAX) throw new IncrementOverflowError(key);
  return value + 1n;
}

function parseInt64(text: string): bigint | undefined {
  // 20 characters hold -9223372036854775808; the length check keeps BigInt off huge strings.
  if (text.length > 20 || !PLAIN_INTEGER.test(text)) return undefined;
  const value = BigInt(text);
  return value < INT64_MIN || value > INT64_MAX ? undefined : value;
}
