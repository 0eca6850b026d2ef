import type { Server } from 'node:http';
import { Server as NetServer, type Socket } from 'node:net';
import type { Logger } from '../logger';
import type { ProcessState } from './createProcessState';
import { trackConnections } from './trackConnections';

/** How long an idle keep-alive connection may still deliver a request once stopping begins. */
export const IDLE_GRACE_MS = 1000;

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
  /** How long an idle connection keeps its chance to deliver a request already on the wire (IDLE_GRACE_MS). */
  readonly idleGraceMs?: number;
}

/**
 * Returns `shutdown(reason)`, idempotent: report not-ready, stop accepting,
 * let in-flight requests finish, close keep-alive connections without cutting
 * off a request, close backing services, flush logs, exit 0. A timer (unref'd,
 * so it never keeps the process alive by itself) forces the rest at the
 * deadline and exits 1. Call it before the server listens (it keeps the list
 * of open connections from the start).
 *
 * Dropping nothing: once stopping, every response carries `Connection: close`
 * (the request pipeline asks the process state), so a busy connection closes
 * after its response. An idle one may have a request on the wire that the
 * server has not read yet, and closing it then resets that request: it gets
 * `idleGraceMs` to deliver one (answered, then closed), and is closed only if
 * it is idle when the grace ends.
 */
export function createGracefulShutdown({ server, logger, state, timeoutMs, closers = [], exit, idleGraceMs = IDLE_GRACE_MS }: GracefulShutdownOptions) {
  const connections = trackConnections(server);
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

    // Looked at every idleGraceMs until it closes, and closed once it was idle for a whole grace: idle now and
    // nothing read since the last look (a request half-read or just answered counts as activity). A busy one's
    // answer carries Connection: close (Node closes it after), or began before stopping: it is looked at again.
    const closeWhenIdle = (socket: Socket, bytesRead = socket.bytesRead) => {
      setTimeout(() => {
        if (socket.destroyed) return;
        if (connections.isIdle(socket) && socket.bytesRead === bytesRead) socket.destroy();
        else closeWhenIdle(socket);
      }, idleGraceMs).unref();
    };
    for (const socket of connections.all()) closeWhenIdle(socket);

    // Stop accepting. Not http.Server#close: since Node 19 it also closes every idle connection at once.
    NetServer.prototype.close.call(server, async (error?: Error) => {
      if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') logger.error({ err: error }, 'closing the server failed');
      const results = await Promise.allSettled(closers.map((close) => close()));
      const failed = results.filter((result) => result.status === 'rejected');
      for (const result of failed) logger.error({ err: (result as PromiseRejectedResult).reason }, 'closing a backing service failed');
      clearTimeout(deadline);
      logger.info({ reason }, 'stopped');
      finish(failed.length === 0 ? 0 : 1);
    });
  };
}
