import { connect, type Socket } from 'node:net';

/** A raw TCP connection to a test server: everything it received, and how and when it ended. */
export interface RawConnection {
  readonly socket: Socket;
  /** Every byte received so far. */
  received(): Buffer;
  /** The bytes this side has handed to the socket so far. */
  written(): number;
  /** Writes bytes, counting them; false once the socket can take no more (closed or destroyed). */
  write(bytes: string | Buffer): boolean;
  /** Writes `chunk` whenever the socket drains until `total` bytes are written or the socket closes. */
  pump(chunk: Buffer, total: number): void;
  /** Settles when the connection closed: after how long (ms since connect), and the error, if any. */
  readonly closed: Promise<{ readonly afterMs: number; readonly error?: NodeJS.ErrnoException }>;
}

/** Opens a connection with node:net, so what goes on the wire is exactly what the spec writes. */
export function connectRaw(port: number): Promise<RawConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let writtenBytes = 0;
    let error: NodeJS.ErrnoException | undefined;
    let started = 0;
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that closes on a client still sending resets it (EPIPE, ECONNRESET): what arrived still counts.
    socket.on('error', (e) => {
      error = e;
    });
    const closed = new Promise<{ afterMs: number; error?: NodeJS.ErrnoException }>((settle) => {
      socket.on('close', () => settle({ afterMs: performance.now() - started, ...(error === undefined ? {} : { error }) }));
    });
    const write = (bytes: string | Buffer) => {
      if (socket.destroyed || !socket.writable) return false;
      writtenBytes += Buffer.byteLength(bytes);
      socket.write(bytes);
      return true;
    };
    const pump = (chunk: Buffer, total: number) => {
      const more = () => {
        while (writtenBytes < total && !socket.destroyed && socket.writable) {
          writtenBytes += chunk.length;
          if (!socket.write(chunk)) {
            socket.once('drain', more);
            return;
          }
        }
      };
      more();
    };
    socket.once('connect', () => {
      started = performance.now();
      resolve({ socket, received: () => Buffer.concat(chunks), written: () => writtenBytes, write, pump, closed });
    });
    socket.once('error', reject);
  });
}

/** The status line's code and the headers (names in lower case) of the first response in `bytes`, if complete. */
export function parseHead(bytes: Buffer): { status: number; headers: Record<string, string> } | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end === -1) return undefined;
  const [statusLine = '', ...lines] = bytes.subarray(0, end).toString('latin1').split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine.split(' ')[1]), headers };
}
