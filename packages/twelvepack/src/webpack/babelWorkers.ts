import { availableParallelism, totalmem } from 'node:os';

/** Below this much memory, a Babel worker process (about 225 MB on the bench app) is not started unless asked for. */
export const WORKER_MEMORY_FLOOR_BYTES = 2 * 1024 ** 3;

/**
 * How many Babel worker processes a production build runs (thread-loader):
 * the configured number (TWELVEPACK_BUILD_WORKERS, 0 for none), or by default
 * one when the machine has a second CPU and memory to spare, none otherwise.
 * One worker takes Babel off the build's main thread, which then resolves,
 * parses and minifies beside it; more gained little on 2 CPUs and cost a
 * process each (bench/RESULTS.md). Pure.
 */
export function chooseBabelWorkers({ configured, cpus, memoryBytes }: { readonly configured: number | undefined; readonly cpus: number; readonly memoryBytes: number }): number {
  if (configured !== undefined) return configured;
  return cpus >= 2 && memoryBytes >= WORKER_MEMORY_FLOOR_BYTES ? 1 : 0;
}

/** {@link chooseBabelWorkers} for this machine: its CPUs, and its memory or its container's limit, whichever is less. */
export function babelWorkers(configured: number | undefined): number {
  const limit = process.constrainedMemory?.() ?? 0;
  const memoryBytes = limit > 0 ? Math.min(limit, totalmem()) : totalmem();
  return chooseBabelWorkers({ configured, cpus: availableParallelism(), memoryBytes });
}

/** What thread-loader is given (through transpileLoader.js); its pool is keyed by these, so the plugin that ends its workers passes the same. */
export interface BabelWorkerOptions {
  readonly workers: number;
  /** Idle workers wait this long for more modules (a pause in the middle of a build), then exit; BabelWorkersPlugin ends them when the build is done. */
  readonly poolTimeout: number;
  /** Workers that exited come back for the next build a long-lived process runs (without it, every later build would quietly run Babel in-process). */
  readonly poolRespawn: true;
  readonly name: 'twelvepack-babel';
}

/** The one set of worker options every rule and both bundles of a pair share: one pool. Pure. */
export function babelWorkerOptions(workers: number): BabelWorkerOptions {
  return { workers, poolTimeout: 2000, poolRespawn: true, name: 'twelvepack-babel' };
}
