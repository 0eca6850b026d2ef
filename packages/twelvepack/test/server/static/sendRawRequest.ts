import { connect } from 'node:net';

/** A response read byte for byte from the socket. */
export interface RawResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The header lines exactly as received, in order (`Name: value`). */
  readonly headerLines: readonly string[];
  /** Every byte after the blank line that ends the headers, until the server closed the connection. */
  readonly body: Buffer;
}

/** Options for {@link sendRawRequest}. */
export interface RawRequest {
  readonly method?: string;
  /** The request target exactly as it goes on the wire: no parsing, normalising or escaping. */
  readonly target: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Writes one HTTP/1.1 request over node:net with `Connection: close` and reads
 * until the server closes, so hostile targets reach the server untouched and
 * any byte sent after the headers (a body on HEAD or 304) is seen.
 */
export function sendRawRequest(baseUrl: string, { method = 'GET', target, headers = {} }: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const head = Object.entries({ Host: `${hostname}:${port}`, ...headers, Connection: 'close' })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const bytes = Buffer.concat([Buffer.from(`${method} `), Buffer.from(target), Buffer.from(` HTTP/1.1\r\n${head}\r\n`)]);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let failure: Error | undefined;
    socket.setTimeout(10_000, () => socket.destroy(new Error(`No complete answer to ${method} ${String(target).slice(0, 80)} within 10 s`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    // A server that rejects a request may reset the connection once it has answered; what arrived still counts.
    socket.on('error', (error) => {
      failure = error;
    });
    socket.on('close', () => {
      const received = Buffer.concat(chunks);
      const end = received.indexOf('\r\n\r\n');
      if (end === -1) {
        reject(failure ?? new Error(`The connection closed before a complete response head: ${JSON.stringify(received.toString('latin1'))}`));
        return;
      }
      const [statusLine = '', ...lines] = received.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine.split(' ')[1]), headers, headerLines: lines, body: received.subarray(end + 4) });
    });
    socket.write(bytes);
  });
}
