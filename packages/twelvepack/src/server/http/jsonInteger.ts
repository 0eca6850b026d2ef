const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * An integer as JSON carries it exactly: a number while it is within
 * ±(2^53 - 1), where every reader's double holds it, and a decimal string
 * beyond (a JSON number there would arrive rounded). `BigInt(value)` reads
 * either form back exactly.
 */
export function jsonInteger(value: bigint): number | string {
  return value >= -MAX_EXACT && value <= MAX_EXACT ? Number(value) : value.toString();
}
