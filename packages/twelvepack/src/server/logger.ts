import pino, { type DestinationStream, type Logger } from 'pino';
import { createLineBatcher, type LineBatcher, type LineSink } from './createLineBatcher';

export type { Logger };

/** Options for {@link createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. */
  readonly level: string;
  /** Where lines go; stdout by default. Tests pass a stream and read objects. */
  readonly destination?: DestinationStream;
  /**
   * Whether other processes write to the same stdout (cluster workers and their primary): then each write
   * stays within PIPE_BUF, so their lines never interleave mid-line. True unless said otherwise.
   */
  readonly sharedStdout?: boolean;
}

/**
 * JSON lines, one event each, with level (as a word), ISO time, pid, message
 * and context. No files, no rotation: the platform routes stdout.
 */
export function createLogger({ level, destination, sharedStdout = true }: LoggerOptions): Logger {
  const stream = destination ?? createStdoutDestination(sharedStdout ? PIPE_BUF : ALONE_BATCH_BYTES);
  const logger = pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: isoTimestamp,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );
  destinations.set(logger, stream);
  return logger;
}

/** The loggers made here, with their streams: lines in this module's format may be written to them directly. */
const destinations = new WeakMap<Logger, DestinationStream>();

/**
 * The stream a logger made by {@link createLogger} writes to, for a line
 * serialized in the same format without pino (the request line:
 * http/createRequestLog); undefined for any other logger, whose format is not known here.
 */
export function destinationOf(logger: Logger): DestinationStream | undefined {
  return destinations.get(logger);
}

let lastMs = Number.NaN;
let lastTime = '';
let lastTimestamp = '';

/**
 * The ISO time of a line, formatted once per millisecond instead of once per
 * line (a busy server writes dozens of lines a millisecond; `toISOString` was
 * the largest part of a request line's cost).
 */
export function isoTime(): string {
  const now = Date.now();
  if (now !== lastMs) {
    lastMs = now;
    lastTime = new Date(now).toISOString();
    lastTimestamp = `,"time":"${lastTime}"`;
  }
  return lastTime;
}

/** {@link isoTime} as pino's `timestamp` option wants it. */
function isoTimestamp(): string {
  isoTime();
  return lastTimestamp;
}

/** How long a log line may wait in the buffer before it is written. */
export const LOG_FLUSH_INTERVAL_MS = 100;

/** At most this many bytes a write when stdout is shared: on a pipe, a write up to PIPE_BUF (4096 on Linux) is atomic. */
const PIPE_BUF = 4096;
/**
 * A batch's size when this process alone writes to stdout: a process's own writes never interleave, and each
 * write is a system call (at 4 KiB a write, a seventh of a request line's CPU in a profile under load).
 */
const ALONE_BATCH_BYTES = 16_384;

/**
 * stdout, written in batches: one write per 4 KiB of lines (16 KiB when the
 * process has stdout to itself) instead of one per request (a write per line
 * cost 40% of the server's throughput, bench/RESULTS.md). A timer writes
 * whatever waits at least every 100 ms, so a quiet server's lines still show
 * at once; every exit path calls `logger.flush()` first, and the process's
 * `exit` writes what is left, so no line is lost.
 *
 * The batches are written synchronously, from the event loop: handing each to
 * libuv's thread pool cost five times as much CPU (a thread wake-up per batch:
 * 10% of the busy time against 2% in a CPU profile under load), and a slow log
 * reader then slows the server down (as Node's own stdout does on a Linux pipe)
 * instead of piling lines up in memory until the process dies.
 */
function createStdoutDestination(batchBytes: number): DestinationStream {
  // Whole lines, at most batchBytes a write: PIPE_BUF on a pipe shared by cluster workers, where a write that size is
  // atomic, so two workers' lines never interleave mid-line. The batcher makes the batches; SonicBoom writes each at once
  // (minLength 0) and keeps what it does well: retrying on EAGAIN, finishing partial writes, going quiet on EPIPE.
  // In buffer mode SonicBoom takes the batches as the bytes they are (its types list only strings).
  const stdout = pino.destination({ dest: 1, sync: true, minLength: 0, contentMode: 'buffer' }) as unknown as LineSink;
  const batcher = createLineBatcher(stdout, batchBytes);
  setInterval(() => batcher.flush(), LOG_FLUSH_INTERVAL_MS).unref();
  writtenAtExit(batcher);
  return batcher;
}

/** The stdout batchers of this process (one in production; a spec may make more), written out at its exit. */
const atExit: LineBatcher[] = [];

function writtenAtExit(batcher: LineBatcher): void {
  // One listener for all: a listener per logger would trip Node's leak warning in a process that makes many.
  if (atExit.push(batcher) > 1) return;
  process.once('exit', () => {
    for (const each of atExit) {
      try {
        each.flushSync();
      } catch {
        // stdout is gone: nowhere left to write.
      }
    }
  });
}
