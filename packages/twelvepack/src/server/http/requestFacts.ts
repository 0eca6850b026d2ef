import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const SAFE_ID = /^[\w.:@-]{1,128}$/;

/** The request id: the caller's `X-Request-ID` when it is sane, otherwise a new one from `next` (createRequestIds). */
export function requestIdOf(req: IncomingMessage, next: () => string): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && SAFE_ID.test(given) ? given : next();
}

/**
 * The client's address: with a trusted proxy, the last `X-Forwarded-For` entry,
 * the one that proxy appended (entries to its left are whatever the client
 * sent, so trusting them would let anyone pick their own rate-limit key);
 * otherwise the socket's.
 */
export function clientAddressOf(req: IncomingMessage, trustProxy: boolean): string {
  const appended = trustProxy ? lastEntry(req.headers['x-forwarded-for']) : undefined;
  return appended ?? req.socket.remoteAddress ?? 'unknown';
}

/** Whether the request came over HTTPS: directly, or per a trusted proxy's `X-Forwarded-Proto`. */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  return trustProxy && lastEntry(req.headers['x-forwarded-proto'])?.toLowerCase() === 'https';
}

/**
 * Whether part of the request's body may still be unread: it declares one
 * (a non-zero Content-Length, or chunks) and has not been read to its end.
 * Its answer then closes the connection instead of draining the body.
 */
export function hasUnreadBody(req: IncomingMessage): boolean {
  if (req.complete) return false;
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function lastEntry(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const last = value?.split(',').pop()?.trim();
  return last === undefined || last === '' ? undefined : last;
}
