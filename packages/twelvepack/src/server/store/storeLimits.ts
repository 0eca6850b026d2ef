import { STORE_LIMITS, StoreArgumentError, type ScanOptions } from './KeyValueStore';

/** The page-size hint a scan asks for: the default, or the caller's when it is within STORE_LIMITS. */
export function scanCountOf(options: ScanOptions): number {
  const { count = STORE_LIMITS.scanDefaultCount } = options;
  if (!Number.isInteger(count) || count < 1 || count > STORE_LIMITS.scanMaxCount) {
    throw new StoreArgumentError(
      `A scan's count is a page-size hint from 1 to ${STORE_LIMITS.scanMaxCount} (got ${String(count)}): ` +
        `ask for ${STORE_LIMITS.scanMaxCount} at most and follow the cursor for the rest.`,
    );
  }
  return count;
}

/** Refuses an mget of more keys than STORE_LIMITS allows. */
export function checkMgetKeys(keys: readonly string[]): void {
  if (keys.length > STORE_LIMITS.mgetMaxKeys) {
    throw new StoreArgumentError(`mget takes at most ${STORE_LIMITS.mgetMaxKeys} keys (got ${keys.length}): split the list into calls of ${STORE_LIMITS.mgetMaxKeys} or fewer.`);
  }
}
