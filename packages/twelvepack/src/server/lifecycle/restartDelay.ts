/** Exponential backoff for respawning workers: 100 ms, 200 ms, 400 ms … capped at 10 s. Pure. */
export function restartDelay(consecutiveFailures: number, initialMs = 100, maxMs = 10_000): number {
  if (consecutiveFailures <= 0) return 0;
  return Math.min(maxMs, initialMs * 2 ** (consecutiveFailures - 1));
}
