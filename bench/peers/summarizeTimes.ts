import { median } from '../median';

/** The median and range of a row's times, in whole milliseconds. */
export function summarizeTimes(ms: readonly number[]): { medianMs: number; minMs: number; maxMs: number } {
  if (ms.length === 0) throw new Error('a row needs at least one measurement');
  return { medianMs: Math.round(median(ms)), minMs: Math.round(Math.min(...ms)), maxMs: Math.round(Math.max(...ms)) };
}
