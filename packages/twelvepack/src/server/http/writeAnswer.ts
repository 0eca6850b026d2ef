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
  // The static files' lists are shared, built at boot: concat, never push.
  let headers = flatHeaders(answer.headers);
  if (body !== undefined && !hasHeader(headers, 'content-length')) headers = headers.concat('Content-Length', String(body.length));
  res.writeHead(answer.status, headers.concat(pipelineHeaders));
  const sendsBody = body !== undefined && req.method !== 'HEAD' && answer.status !== 204 && answer.status !== 304;
  res.end(sendsBody ? body : undefined);
  return sendsBody ? body.length : 0;
}

function flatHeaders(headers: Answer['headers']): readonly string[] {
  if (headers === undefined) return [];
  if (Array.isArray(headers)) return headers as readonly string[];
  const flat: string[] = [];
  for (const name of Object.keys(headers)) flat.push(name, (headers as Readonly<Record<string, string>>)[name]!);
  return flat;
}

function hasHeader(flat: readonly string[], lowerName: string): boolean {
  for (let i = 0; i < flat.length; i += 2) if (flat[i]!.toLowerCase() === lowerName) return true;
  return false;
}
