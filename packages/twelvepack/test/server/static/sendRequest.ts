import { request, type IncomingHttpHeaders } from 'node:http';

/** A response as it came over the wire: status, headers, and the body bytes, never decompressed. */
export interface HttpResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

/** Options for {@link sendRequest}. */
export interface SendOptions {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * One request over a fresh connection with node:http, so the path is sent as
 * given (fetch would normalise it) and the body is not decompressed (fetch
 * would decode br and gzip, hiding which one was sent).
 */
export function sendRequest(baseUrl: string, path: string, { method = 'GET', headers = {} }: SendOptions = {}): Promise<HttpResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}
