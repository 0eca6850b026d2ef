import type { Server } from 'node:http';
import type { Logger } from '../logger';
import type { ProcessState } from './createProcessState';

/** Options for {@link createGracefulShutdown}. */
export interface GracefulShutdownOptions {
  readonly server: Server;
  readonly logger: Logger;
  readonly state: ProcessState;
  /** After this, whatever is still open is forced and the process exits 1. */
  readonly timeoutMs: number;
  /** Backing-service handles to close once requests are done (stores, clients). */
  readonly closers?: readonly (() => Promise<void>)[];
  /** Ends the process; main passes process.exit. */
  readonly exit: (code: number) => void;
}

/**
 * Returns `shutdown(reason)`, idempotent: report not-ready, stop accepting,
 * let in-flight requests finish, close idle keep-alive connections, close
 * backing services, flush logs, exit 0. A timer (unref'd, so it never keeps the
 * process alive by itself) forces the rest at the deadline and exits 1.
 */
export function createGracefulShutdown({ server, logger, state, timeoutMs, closers = [], exit }: GracefulShutdownOptions) {
  let started = false;
  let finished = false;
  const finish = (code: number) => {
    if (finished) return;
    finished = true;
    logger.flush(() => exit(code));
  };

  return function shutdown(reason: string): void {
    if (started) return;
    started = true;
    state.markStopping();
    logger.info({ reason, timeoutMs }, 'shutting down');

    const deadline = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown deadline passed; closing the remaining connections');
      server.closeAllConnections();
      finish(1);
    }, timeoutMs);
    deadline.unref();

    // A keep-alive connection becomes idle when its in-flight response ends; close each as it does.
    const sweeper = setInterval(() => server.closeIdleConnections(), 50);
    sweeper.unref();

    server.close(async (error) => {
      clearInterval(sweeper);
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') logger.error({ err: error }, 'closing the server failed');
      const results = await Promise.allSettled(closers.map((close) => close()));
      const failed = results.filter((result) => result.status === 'rejected');
      for (const result of failed) logger.error({ err: (result as PromiseRejectedResult).reason }, 'closing a backing service failed');
      clearTimeout(deadline);
      logger.info({ reason }, 'stopped');
      finish(failed.length === 0 ? 0 : 1);
    });
    server.closeIdleConnections();
  };
}
