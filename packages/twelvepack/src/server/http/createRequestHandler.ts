import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../logger';
import { originForm } from '../static/resolveRequestPath';
import { STRICT_TRANSPORT_SECURITY } from '../static/securityHeaders';
import { headerObject, type RequestContext } from './RequestContext';
import { clientAddressOf, isHttps, requestIdOf } from './requestFacts';
import { sendJson } from './sendJson';
import { statusForError } from './statusForError';

/** A route: handles the request, possibly asynchronously. */
export type Route = (req: IncomingMessage, res: ServerResponse, context: RequestContext) => void | Promise<void>;

/** Options for {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  readonly logger: Logger;
  /** Trust `X-Forwarded-*` from the proxy in front. */
  readonly trustProxy: boolean;
  /** Exact paths to API routes. */
  readonly routes: Readonly<Record<string, Route>>;
  /** Path prefixes to routes (`/api/admin/kv` serves `/api/admin/kv/<key>`). */
  readonly prefixRoutes?: Readonly<Record<string, Route>>;
  /**
   * Everything else: the static files. Unlike the routes, it must write
   * `context.responseHeaders` itself (and report `context.bodyBytes`), so the
   * hot path sends each response with one `writeHead`.
   */
  readonly fallback: Route;
  /** Whether the process is stopping: then responses ask clients to close keep-alive connections. */
  readonly isStopping: () => boolean;
}

/**
 * The request pipeline: a request id (taken from `X-Request-ID` or made, and
 * echoed), HSTS for HTTPS requests, routing, one JSON log line per request, and
 * errors that log their stack but never send it.
 *
 * The log line is written as soon as the response is complete: at once for the
 * answers made synchronously (the static files: no listener per request), at
 * `close` for the others, where `aborted: true` marks a response cut short.
 */
export function createRequestHandler({ logger, trustProxy, routes, prefixRoutes = {}, fallback, isStopping }: RequestHandlerOptions) {
  const prefixes = Object.entries(prefixRoutes);
  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const responseHeaders = ['X-Request-ID', requestId];
    if (isHttps(req, trustProxy)) responseHeaders.push('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    if (isStopping()) responseHeaders.push('Connection', 'close');
    const context: RequestContext = { requestId, clientAddress: clientAddressOf(req, trustProxy), responseHeaders };
    const path = pathOf(req.url);

    const logRequest = (aborted: boolean) => {
      const bytes = sentBody(req, res) ? Number(res.getHeader('content-length') ?? context.bodyBytes ?? 0) : 0;
      const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      const line = { requestId, method: req.method, path, status: res.statusCode, bytes, durationMs };
      logger.info(aborted ? { ...line, aborted: true } : line, 'request');
    };
    const fail = (error: unknown) => {
      const answer = statusForError(error, requestId);
      if (answer.status === 500) logger.error({ requestId, err: error }, 'request failed');
      else logger.warn({ requestId, status: answer.status, reason: (error as Error).message }, 'request refused');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, answer.status, answer.body, { ...headerObject(responseHeaders), ...answer.headers });
    };

    const route = routes[path] ?? prefixes.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1];
    if (route !== undefined) for (let i = 0; i < responseHeaders.length; i += 2) res.setHeader(responseHeaders[i]!, responseHeaders[i + 1]!);
    try {
      const result = (route ?? fallback)(req, res, context);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
    if (res.writableEnded) logRequest(false);
    else res.once('close', () => logRequest(!res.writableFinished));
  };
}

function pathOf(url: string | undefined): string {
  // The common case, a plain path, without a regular expression.
  if (url !== undefined && url.charCodeAt(0) === 47 && !url.includes('?') && !url.includes('#')) return url;
  const raw = originForm(url ?? '/') ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** Whether the response carried a body (HEAD, 204 and 304 never do, whatever Content-Length says). */
function sentBody(req: IncomingMessage, res: ServerResponse): boolean {
  return req.method !== 'HEAD' && res.statusCode !== 204 && res.statusCode !== 304;
}
