import type { Logger } from '../logger';
import type { ExitDecision } from './decideWorkerExit';

/** The error line of a respawn that failed while other workers serve: what happened, what goes on, what to do. */
export const RESPAWN_BACKING_OFF =
  'worker died before it was ready; backing off respawning while the other workers keep serving. ' +
  'Fix what lastError says (a service src/app.ts opens, or the build in dist/): the next respawn picks it up';

/** What a worker's exit line says besides the decision. */
export interface ExitContext {
  readonly workerPid: number | undefined;
  readonly code: number | null;
  readonly signal: string | null;
  /** What the worker reported before dying, or how it exited. */
  readonly lastError: string;
  /** Workers still serving, this one gone. */
  readonly serving: number;
}

/** Writes the one log line of a worker's exit, by what the primary decided about it. */
export function reportWorkerExit(logger: Logger, decision: ExitDecision, { workerPid, code, signal, lastError, serving }: ExitContext): void {
  switch (decision.kind) {
    case 'stopped':
      return logger.info({ workerPid, code, signal }, 'worker stopped');
    case 'retired':
      return logger.info({ workerPid, code, signal }, 'worker stopped (replaced)');
    case 'replacement failed':
      return logger.error({ workerPid, code, signal, lastError }, 'replacement worker died before it was ready');
    case 'stopped on its own':
      return logger.info({ workerPid, code }, 'worker stopped on its own; starting another');
    case 'crashed':
      return logger.error({ workerPid, code, signal, lastError, restartInMs: decision.delayMs, serving }, 'worker died; restarting');
    case 'backing off':
      return logger.error({ workerPid, code, signal, lastError, restartInMs: decision.delayMs, serving }, RESPAWN_BACKING_OFF);
    case 'boot failed':
      return logger.error({ workerPid, code, signal, lastError, restartInMs: decision.delayMs, bootFailures: decision.bootFailures }, 'worker died; restarting');
    case 'give up':
      return logger.fatal(
        { bootFailures: decision.bootFailures, lastError },
        `workers keep dying before they are ready and none is serving; giving up after ${decision.bootFailures} attempts. ` +
          'Fix what lastError says, then start the server again',
      );
  }
}
