/** Where {@link createLineBatcher} hands its batches: pino's SonicBoom destination on stdout, in buffer mode. */
export interface LineSink {
  write(chunk: Buffer): unknown;
  flush?(callback: (error?: Error) => void): void;
  flushSync?(): void;
}

/** A pino destination that batches whole lines (see {@link createLineBatcher}). */
export interface LineBatcher {
  /** Takes one whole line (pino writes one per call, newline included). */
  write(line: string): void;
  /** Hands what waits to the sink, then calls back once the sink has written it. */
  flush(callback?: (error?: Error) => void): void;
  /** Hands what waits to the sink and has it written before returning. */
  flushSync(): void;
}

const NEWLINE = 0x0a;

/**
 * Lines gathered into batches of whole lines, each at most `maxBytes` bytes of
 * UTF-8 (a line longer than that goes alone), handed to the sink in the order
 * they came: a batch goes when the next line would not fit, or on `flush`.
 *
 * A line costs a length check and a concatenation: batches are counted in
 * characters, which is bytes for ASCII, and encoded once, when handed over; a
 * batch whose characters took more bytes than that is split at line ends
 * there. (SonicBoom batches too, but measures its whole buffer again on every
 * write, which cost more than serializing the line.)
 */
export function createLineBatcher(sink: LineSink, maxBytes: number): LineBatcher {
  let waiting = '';
  const handOver = () => {
    if (waiting === '') return;
    const batch = Buffer.from(waiting);
    waiting = '';
    if (batch.length <= maxBytes) write(sink, batch);
    else writeSplit(sink, batch, maxBytes);
  };
  return {
    write(line) {
      if (waiting.length + line.length > maxBytes) handOver();
      waiting += line;
    },
    flush(callback) {
      handOver();
      if (sink.flush !== undefined) sink.flush(callback ?? noop);
      else callback?.();
    },
    flushSync() {
      handOver();
      sink.flushSync?.();
    },
  };
}

/** Whole lines of `batch`, as many as fit in `maxBytes` a write; a longer line alone. */
function writeSplit(sink: LineSink, batch: Buffer, maxBytes: number): void {
  let start = 0;
  let end = 0;
  while (end < batch.length) {
    const lineEnd = batch.indexOf(NEWLINE, end);
    const next = lineEnd === -1 ? batch.length : lineEnd + 1;
    if (next - start > maxBytes && end > start) {
      write(sink, batch.subarray(start, end));
      start = end;
    }
    end = next;
  }
  if (end > start) write(sink, batch.subarray(start, end));
}

function write(sink: LineSink, chunk: Buffer): void {
  // Through the object each time: pino replaces `write` with a no-op once stdout is a broken pipe.
  sink.write(chunk);
}

function noop(): void {}
