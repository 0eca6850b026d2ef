import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. */
  readonly level: string;
  /** Where lines go; stdout by default. Tests pass a stream and read objects. */
  readonly destination?: DestinationStream;
}

/**
 * JSON lines, one event each, with level (as a word), ISO time, pid, message
 * and context. No files, no rotation: the platform routes stdout.
 */
export function createLogger({ level, destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: isoTimestamp,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination ?? createStdoutDestination(),
  );
}

let lastMs = Number.NaN;
let lastTimestamp = '';

/**
 * pino's ISO time, formatted once per millisecond instead of once per line
 * (a busy server writes dozens of lines a millisecond; `toISOString` was the
 * largest part of a request line's cost).
 */
function isoTimestamp(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTimestamp = `,"time":"${new Date(now).toISOString()}"`;
  }
  return lastTimestamp;
}

/** How long a log line may wait in the buffer before it is written. */
export const LOG_FLUSH_INTERVAL_MS = 100;

/**
 * stdout, written in batches: one write per ~4 KiB of lines instead of one per
 * request (a write per line cost 40% of the server's throughput,
 * bench/RESULTS.md). A timer writes whatever waits at least every 100 ms, so a
 * quiet server's lines still show at once; every exit path calls
 * `logger.flush()` first, so no line is lost.
 *
 * The batches are written synchronously, from the event loop: handing each to
 * libuv's thread pool cost five times as much CPU (a thread wake-up per batch:
 * 10% of the busy time against 2% in a CPU profile under load), and a slow log
 * reader then slows the server down (as Node's own stdout does on a Linux pipe)
 * instead of piling lines up in memory until the process dies.
 */
function createStdoutDestination(): DestinationStream {
  // Whole lines, at most PIPE_BUF (4096) characters a write: on a pipe shared by cluster workers, a write that size
  // is atomic (for ASCII lines, i.e. nearly all), so two workers' lines never interleave mid-line.
  const destination = pino.destination({ dest: 1, sync: true, minLength: 4000, maxWrite: 4096 });
  setInterval(() => destination.flush(), LOG_FLUSH_INTERVAL_MS).unref();
  return destination;
}
