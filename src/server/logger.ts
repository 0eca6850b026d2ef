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
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    // Synchronous writes keep lines in order and lose none when the process exits.
    destination ?? pino.destination({ dest: 1, sync: true }),
  );
}
