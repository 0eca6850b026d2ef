import type { Worker } from 'node:cluster';
import type { Logger } from '../logger';
import { restartDelay } from './restartDelay';
import { isWorkerMessage } from './workerMessages';

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
  /** Ends the process; main passes process.exit. */
  readonly exit: (code: number) => void;
}

/**
 * The cluster primary: keeps `count` workers running, restarts a crashed one
 * with exponential backoff, gives up (exit 1, with the last error) when workers
 * keep dying before they are ready, and never respawns once shutdown begins.
 * Returns `shutdown(reason)`; main wires it to the signals.
 */
export function superviseWorkers({ count, logger, fork, timeoutMs, maxBootFailures = 5, exit }: SupervisorOptions) {
  const live = new Set<Worker>();
  const ready = new WeakSet<Worker>();
  const lastErrors = new WeakMap<Worker, string>();
  let bootFailures = 0;
  let consecutiveFailures = 0;
  let stopping = false;
  let exitCode = 0;

  const start = () => {
    const worker = fork();
    live.add(worker);
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) return;
      if (message.type === 'twelvepack:ready') {
        ready.add(worker);
        bootFailures = 0;
        consecutiveFailures = 0;
        logger.info({ workerPid: worker.process.pid }, 'worker ready');
      } else if (message.type === 'twelvepack:fatal') {
        lastErrors.set(worker, message.message);
      }
    });
    worker.on('exit', (code, signal) => onExit(worker, code, signal));
  };

  const onExit = (worker: Worker, code: number | null, signal: string | null) => {
    live.delete(worker);
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
    consecutiveFailures += 1;
    if (!ready.has(worker)) bootFailures += 1;
    if (bootFailures >= maxBootFailures) {
      logger.fatal({ bootFailures, lastError }, `workers keep dying before they are ready; giving up after ${bootFailures} attempts`);
      exitCode = 1;
      shutdown('workers failing at boot');
      if (live.size === 0) logger.flush(() => exit(1));
      return;
    }
    const delayMs = restartDelay(consecutiveFailures);
    logger.error({ workerPid: worker.process.pid, code, signal, lastError, restartInMs: delayMs }, 'worker died; restarting');
    setTimeout(() => {
      if (!stopping) start();
    }, delayMs);
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
  return { shutdown, workers: () => [...live] };
}
