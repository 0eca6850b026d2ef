import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../api/createClientErrorHandler';
import type { Logger } from '../logger';
import { originForm } from '../static/resolveRequestPath';
import { STRICT_TRANSPORT_SECURITY } from '../static/securityHeaders';
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
  /** Everything else: the static files. */
  readonly fallback: Route;
  /** Whether the process is stopping: then responses ask clients to close keep-alive connections. */
  readonly isStopping: () => boolean;
}

/**
 * The request pipeline: a request id (taken from `X-Request-ID` or made, and
 * echoed), HSTS for HTTPS requests, routing, one JSON log line per request, and
 * errors that log their stack but never send it.
 */
export function createRequestHandler({ logger, trustProxy, routes, prefixRoutes = {}, fallback, isStopping }: RequestHandlerOptions) {
  const prefixes = Object.entries(prefixRoutes);
  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = process.hrtime.bigint();
    const requestId = requestIdOf(req);
    const context: RequestContext = { requestId, clientAddress: clientAddressOf(req, trustProxy) };
    res.setHeader('X-Request-ID', requestId);
    if (isHttps(req, trustProxy)) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    if (isStopping()) res.setHeader('Connection', 'close');

    res.once('close', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          requestId,
          method: req.method,
          path: pathOf(req.url),
          status: res.statusCode,
          bytes: sentBody(req, res) ? Number(res.getHeader('content-length') ?? 0) : 0,
          durationMs: Math.round(durationMs * 1000) / 1000,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });

    const path = pathOf(req.url);
    const route = routes[path] ?? prefixes.find(([prefix]) => path === prefix || path.startsWith(`${prefix}/`))?.[1] ?? fallback;
    const fail = (error: unknown) => {
      const answer = statusForError(error, requestId);
      if (answer.status === 500) logger.error({ requestId, err: error }, 'request failed');
      else logger.warn({ requestId, status: answer.status, reason: (error as Error).message }, 'request refused');
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendJson(res, answer.status, answer.body, answer.headers);
    };
    try {
      const result = route(req, res, context);
      if (result instanceof Promise) result.catch(fail);
    } catch (error) {
      fail(error);
    }
  };
}

function pathOf(url: string | undefined): string {
  const raw = originForm(url ?? '/') ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}

/** Whether the response carried a body (HEAD, 204 and 304 never do, whatever Content-Length says). */
function sentBody(req: IncomingMessage, res: ServerResponse): boolean {
  return req.method !== 'HEAD' && res.statusCode !== 204 && res.statusCode !== 304;
}
