import { destinationOf, isoTime, type Logger } from '../logger';
import { formatRequestLine } from './formatRequestLine';

/** Writes the `request` line of a response that completed (an aborted one is logged by the pipeline, through pino). */
export type RequestLog = (requestId: string, method: string, path: string, status: number, bytes: number, durationMs: number) => void;

/**
 * The request line's writer: formatted by formatRequestLine and written to the
 * logger's own stream, so it is batched and flushed with every other line. A
 * generic serialization per request (pino's) was a quarter of the server's CPU
 * per request. For a logger not made by createLogger, whose format
 * is not known, the line goes through the logger as any other.
 */
export function createRequestLog(logger: Logger): RequestLog {
  const destination = destinationOf(logger);
  if (destination === undefined) {
    return (requestId, method, path, status, bytes, durationMs) => logger.info({ requestId, method, path, status, bytes, durationMs }, 'request');
  }
  const pid = process.pid;
  return (requestId, method, path, status, bytes, durationMs) => {
    // Asked each time: a logger's level may change while it runs.
    if (!logger.isLevelEnabled('info')) return;
    destination.write(formatRequestLine(isoTime(), pid, requestId, method, path, status, bytes, durationMs));
  };
}
