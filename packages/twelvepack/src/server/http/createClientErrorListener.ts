import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Logger } from '../logger';

/** The status Node itself answers each rejection with (lib/_http_server.js, socketOnError); any other parser error is a 400. */
const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  HPE_HEADER_OVERFLOW: 431,
  HPE_CHUNK_EXTENSIONS_OVERFLOW: 413,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

/** What Node passes to `clientError`: llhttp's errors carry a code (HPE_...) and a reason in words. */
export type ClientError = Error & { readonly code?: string; readonly reason?: string };

/** Options for {@link createClientErrorListener}. */
export interface ClientErrorListenerOptions {
  readonly logger: Logger;
  /** Rejections logged one by one per window; the rest are counted into one summary line (default 10). */
  readonly maxLines?: number;
  /** The window, in milliseconds (default 1000). */
  readonly windowMs?: number;
}

/** What {@link createClientErrorListener} returns. */
export interface ClientErrorListener {
  /** For `server.on('clientError', ...)`. */
  readonly listener: (error: ClientError, socket: Duplex) => void;
  /** The status this listener wrote straight to a socket, if it did: the pipeline logs it for a request it cut short. */
  statusWrittenTo(socket: object): number | undefined;
  /** Writes the summary of the current window now, if it has one (when the server closes). */
  flush(): void;
}

/**
 * Node's `clientError` event, for requests its HTTP parser rejects (smuggling
 * attempts, header overflow, bad bytes) and for requests that took too long
 * (not the browser reports of api/createClientErrorHandler). Without a listener
 * Node answers them silently; this one answers the same way (400, or 431, 413,
 * 408, with `Connection: close`), closes the connection, and logs each at warn
 * with the parser's code, at most `maxLines` a window, then one line counting
 * the rest: a flood of bad requests cannot flood the log.
 *
 * A failed connection (ECONNRESET, EPIPE) or a client that closed mid-request
 * (HPE_INVALID_EOF_STATE) is destroyed and not logged here: that is a client
 * going away, which the pipeline logs for the request it held, if any.
 */
export function createClientErrorListener({ logger, maxLines = 10, windowMs = 1000 }: ClientErrorListenerOptions): ClientErrorListener {
  const written = new WeakMap<object, number>();
  const handled = new WeakSet<object>();
  let windowEnd = 0;
  let logged = 0;
  let suppressed = new Map<string, number>();
  let summaryTimer: NodeJS.Timeout | undefined;

  const summarize = () => {
    clearTimeout(summaryTimer);
    summaryTimer = undefined;
    if (suppressed.size === 0) return;
    const reasons = Object.fromEntries(suppressed);
    const count = [...suppressed.values()].reduce((sum, n) => sum + n, 0);
    suppressed = new Map();
    logger.warn({ count, reasons, windowMs }, 'requests rejected, not logged one by one');
  };

  const report = (line: { reason: string; detail: string; status: number; clientAddress?: string; bytesReceived: number }) => {
    const now = Date.now();
    if (now >= windowEnd) {
      windowEnd = now + windowMs;
      logged = 0;
    }
    if (logged < maxLines) {
      logged += 1;
      logger.warn(line, line.status === 408 ? 'request timed out' : 'request rejected');
      return;
    }
    suppressed.set(line.reason, (suppressed.get(line.reason) ?? 0) + 1);
    summaryTimer ??= setTimeout(summarize, windowEnd - now).unref();
  };

  const listener = (error: ClientError, duplex: Duplex) => {
    const socket = duplex as Socket;
    // Node reports a rejected connection again for each chunk that arrives before it closes.
    if (handled.has(socket)) return;
    handled.add(socket);
    const code = error.code ?? 'unknown';
    // A failed connection or a client that closed mid-request: nobody to answer, nothing the client did wrong.
    if (code === 'HPE_INVALID_EOF_STATE' || (!code.startsWith('HPE_') && code !== 'ERR_HTTP_REQUEST_TIMEOUT')) {
      socket.destroy();
      return;
    }
    const status = STATUS_BY_CODE[code] ?? 400;
    const detail = typeof error.reason === 'string' ? error.reason : error.message;
    report({ reason: code, detail, status, clientAddress: socket.remoteAddress, bytesReceived: socket.bytesRead });
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    written.set(socket, status);
    // end, then destroy once the answer is handed to the kernel: a client that is still sending gets the answer
    // before the reset that closing on its unread bytes causes. The timer bounds a socket that never drains.
    socket.setTimeout(1000, () => socket.destroy());
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\n\r\n`, () => socket.destroy());
  };

  return { listener, statusWrittenTo: (socket) => written.get(socket), flush: summarize };
}
