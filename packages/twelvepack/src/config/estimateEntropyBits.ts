// Brute-force pool sizes per character class, as zxcvbn's bruteforce cardinality counts them.
const LOWER = 26;
const UPPER = 26;
const DIGITS = 10;
const ASCII_SYMBOLS = 33;
const OTHER = 100;

/** A value whose characters are spread at least this evenly (Shannon bits per character over the most its length and pool allow) counts as random. */
const EVEN_SPREAD = 0.75;

/**
 * A simple, deliberately pessimistic estimate of a secret's entropy in bits:
 * - the pool estimate: length × log2 of the pool its character classes imply
 *   (lowercase 26, uppercase 26, digits 10, other ASCII 33, anything else 100),
 *   where a value that repeats a shorter block (`abcabc…`, a key pasted twice)
 *   counts that block's length only;
 * - unless its characters are spread unevenly, as random ones are not: when
 *   the Shannon entropy of its own character frequencies is under 3/4 of the
 *   most a value of its length could have from that pool (40 × `a` has 0 bits a
 *   character, `aaaa…ab` almost 0), the estimate is length × that entropy.
 *
 * So 32 random hex digits (`openssl rand -hex 16`, 128 bits) count 165 bits (the
 * pool of letters and digits), 43 random base64url characters (32 bytes) about 256. It cannot see meaning: a
 * sentence or a keyboard walk of many distinct characters scores high. A floor
 * for random tokens, not a proof. Pure.
 */
export function estimateEntropyBits(value: string): number {
  const chars = Array.from(value);
  if (chars.length === 0) return 0;
  // A repeated block counts once.
  const block = chars.slice(0, smallestPeriod(chars));
  const pool = poolSize(block);
  const perChar = shannonPerChar(block);
  if (perChar <= EVEN_SPREAD * Math.log2(Math.min(pool, block.length))) return block.length * perChar;
  return block.length * Math.log2(pool);
}

function poolSize(chars: readonly string[]): number {
  const has = (test: RegExp) => chars.some((char) => test.test(char));
  return (
    (has(/[a-z]/) ? LOWER : 0) +
    (has(/[A-Z]/) ? UPPER : 0) +
    (has(/[0-9]/) ? DIGITS : 0) +
    (has(/[\x20-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e]/) ? ASCII_SYMBOLS : 0) +
    (has(/[^\x20-\x7e]/) ? OTHER : 0)
  );
}

function shannonPerChar(chars: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const char of chars) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / chars.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The length of the shortest block the value repeats (itself when it repeats nothing), by the KMP failure function. */
function smallestPeriod(chars: readonly string[]): number {
  const failure = new Array<number>(chars.length).fill(0);
  for (let i = 1, k = 0; i < chars.length; i += 1) {
    while (k > 0 && chars[i] !== chars[k]) k = failure[k - 1]!;
    if (chars[i] === chars[k]) k += 1;
    failure[i] = k;
  }
  return chars.length - failure[chars.length - 1]!;
}
