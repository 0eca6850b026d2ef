import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from '../../config/AppManifest';

/**
 * The one way a response is written, for every route and the static files:
 * the answer's headers and the pipeline's (X-Request-ID, HSTS, `Connection:
 * close` while stopping) in a single `writeHead` with a flat list (Node's fast
 * path), then the body, left out for HEAD. Returns the body bytes sent, for the
 * request log.
 */
export function writeAnswer(req: IncomingMessage, res: ServerResponse, answer: Answer, pipelineHeaders: readonly string[]): number {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body;
  // A flat list is built at boot (the static files') and complete, Content-Length included: used as it is, never changed.
  const bodyless = answer.status === 204 || answer.status === 304;
  const headers = Array.isArray(answer.headers)
    ? (answer.headers as readonly string[])
    : flatHeaders(answer.headers as Readonly<Record<string, string>> | undefined, bodyless ? undefined : body);
  res.writeHead(answer.status, headers.concat(pipelineHeaders));
  const sendsBody = body !== undefined && req.method !== 'HEAD' && !bodyless;
  res.end(sendsBody ? body : undefined);
  return sendsBody ? body.length : 0;
}

/** An object of headers, flat, with Content-Length added when the answer has a body and does not say it (never on 204 or 304: RFC 9110 §8.6). */
function flatHeaders(headers: Readonly<Record<string, string>> = {}, body: Buffer | undefined): string[] {
  const flat: string[] = [];
  let hasLength = false;
  for (const name of Object.keys(headers)) {
    flat.push(name, headers[name]!);
    if (name.toLowerCase() === 'content-length') hasLength = true;
  }
  if (body !== undefined && !hasLength) flat.push('Content-Length', String(body.length));
  return flat;
}
