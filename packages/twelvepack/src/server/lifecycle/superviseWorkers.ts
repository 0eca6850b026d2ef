import type { Worker } from 'node:cluster';
import type { Logger } from '../logger';
import { restartDelay } from './restartDelay';
import { isWorkerMessage } from './workerMessages';

/** How long a replacement worker may take to report ready during a rolling restart. */
export const READY_TIMEOUT_MS = 30_000;

/** Options for {@link superviseWorkers}. */
export interface SupervisorOptions {
  /** How many workers to keep running (WEB_CONCURRENCY). */
  readonly count: number;
  readonly logger: Logger;
  /** Forks one worker (cluster.fork). */
  readonly fork: () => Worker;
  /** The workers' shutdown deadline; the primary waits a little longer, then kills what is left. */
  readonly timeoutMs: number;
  /** Workers that die before becoming ready this many times in a row: give up instead of looping. */
  readonly maxBootFailures?: number;
  /** During a rolling restart, how long a replacement may take to be ready (READY_TIMEOUT_MS). */
  readonly readyTimeoutMs?: number;
  /** Ends the process; main passes process.exit. */
  readonly exit: (code: number) => void;
}

/**
 * The cluster primary: keeps `count` workers running, restarts a crashed one
 * with exponential backoff, gives up (exit 1, with the last error) when workers
 * keep dying before they are ready, and never respawns once shutdown begins.
 * Returns `shutdown(reason)` and `restart(reason)`; main wires them to signals.
 *
 * `restart` is a rolling restart: one worker at a time, the replacement is
 * forked first and must report ready (within readyTimeoutMs) before the old
 * one is asked to stop gracefully, so the cluster never serves with fewer
 * workers than `count`. New workers load the dist/ present when they start.
 * If a replacement fails, the cycle stops and the remaining old workers keep
 * serving. A restart asked for during a cycle is logged and ignored.
 */
export function superviseWorkers({ count, logger, fork, timeoutMs, maxBootFailures = 5, readyTimeoutMs = READY_TIMEOUT_MS, exit }: SupervisorOptions) {
  const live = new Set<Worker>();
  const ready = new WeakSet<Worker>();
  const lastErrors = new WeakMap<Worker, string>();
  /** Workers asked to stop on purpose (replaced in a rolling restart): their exit is planned, never respawned. */
  const retiring = new WeakSet<Worker>();
  /** What waits on a worker: its readiness, its exit (a rolling restart's steps). */
  const readyWaiters = new WeakMap<Worker, () => void>();
  const exitWaiters = new WeakMap<Worker, () => void>();
  let bootFailures = 0;
  let consecutiveFailures = 0;
  let stopping = false;
  let cycling = false;
  let exitCode = 0;

  const start = (): Worker => {
    const worker = fork();
    live.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === 'twelvepack:ready') {
        ready.add(worker);
        bootFailures = 0;
        consecutiveFailures = 0;
        logger.info({ workerPid: worker.process.pid }, 'worker ready');
        readyWaiters.get(worker)?.();
      } else if (message.type === 'twelvepack:fatal') {
        lastErrors.set(worker, message.message);
      }
    });
    worker.on('exit', (code, signal) => onExit(worker, code, signal));
    return worker;
  };

  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    live.delete(worker);
    exitWaiters.get(worker)?.();
    const lastError = lastErrors.get(worker) ?? `exited with ${signal ?? `code ${code}`}`;
    if (stopping) {
      if (code !== 0) exitCode = 1;
      logger.info({ workerPid: worker.process.pid, code, signal }, 'worker stopped');
      if (live.size === 0) {
        logger.info({ code: exitCode }, 'all workers stopped');
        logger.flush(() => exit(exitCode));
      }
      return;
    }
    if (retiring.has(worker)) {
      logger.info({ workerPid: worker.process.pid, code, signal }, 'worker stopped (replaced)');
      return;
    }
    if (code === 0 && ready.has(worker)) {
      // Stopped gracefully by someone else (a SIGTERM sent to the worker itself): planned, so no backoff.
      logger.info({ workerPid: worker.process.pid, code }, 'worker stopped on its own; starting another');
      start();
      return;
    }
    consecutiveFailures += 1;
    if (!ready.has(worker)) bootFailures += 1;
    if (bootFailures >= maxBootFailures) {
      logger.fatal({ bootFailures, lastError }, `workers keep dying before they are ready; giving up after ${bootFailures} attempts`);
      exitCode = 1;
      shutdown('workers failing at boot');
      if (live.size === 0) logger.flush(() => exit(1));
      return;
    }
    if (cycling && !ready.has(worker)) {
      // A replacement that died at boot: the rolling restart reports it and keeps the old workers serving.
      logger.error({ workerPid: worker.process.pid, code, signal, lastError }, 'replacement worker died before it was ready');
      return;
    }
    const delayMs = restartDelay(consecutiveFailures);
    logger.error({ workerPid: worker.process.pid, code, signal, lastError, restartInMs: delayMs }, 'worker died; restarting');
    setTimeout(() => {
      if (!stopping) start();
    }, delayMs);
  };

  /** Resolves true once the worker reports ready, false if it exits first or the deadline passes. */
  const becomesReady = (worker: Worker) =>
    new Promise<boolean>((resolve) => {
      const deadline = setTimeout(() => resolve(false), readyTimeoutMs);
      readyWaiters.set(worker, () => {
        clearTimeout(deadline);
        resolve(true);
      });
      exitWaiters.set(worker, () => {
        clearTimeout(deadline);
        resolve(false);
      });
    });

  /** Asks a worker to stop gracefully and resolves once it has exited. */
  const retire = (worker: Worker, reason: string) =>
    new Promise<void>((resolve) => {
      if (!live.has(worker)) return resolve();
      retiring.add(worker);
      exitWaiters.set(worker, resolve);
      worker.send({ type: 'twelvepack:shutdown', reason });
    });

  const restart = async (reason: string): Promise<void> => {
    if (stopping) return;
    if (cycling) {
      logger.warn({ reason }, 'rolling restart already in progress; ignored');
      return;
    }
    cycling = true;
    const old = [...live];
    logger.info({ reason, workers: old.length }, 'rolling restart');
    let replaced = 0;
    for (const worker of old) {
      if (stopping) break;
      if (!live.has(worker)) continue;
      const replacement = start();
      if (!(await becomesReady(replacement))) {
        if (live.has(replacement)) {
          retiring.add(replacement);
          replacement.process.kill('SIGKILL');
        }
        logger.error(
          { reason, replaced, remaining: old.length - replaced, readyTimeoutMs },
          'rolling restart stopped: a replacement worker did not become ready; the old workers keep serving',
        );
        cycling = false;
        return;
      }
      if (stopping) break;
      await retire(worker, `replaced (${reason})`);
      replaced += 1;
    }
    cycling = false;
    if (!stopping) logger.info({ reason, replaced }, 'rolling restart done');
  };

  const shutdown = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason, workers: live.size }, 'shutting down workers');
    for (const worker of live) worker.send({ type: 'twelvepack:shutdown', reason });
    const deadline = setTimeout(() => {
      logger.error({ workers: live.size }, 'workers did not stop in time; killing them');
      for (const worker of live) worker.process.kill('SIGKILL');
      logger.flush(() => exit(1));
    }, timeoutMs + 2000);
    deadline.unref();
  };

  for (let i = 0; i < count; i += 1) start();
  return { shutdown, restart, workers: () => [...live] };
}
