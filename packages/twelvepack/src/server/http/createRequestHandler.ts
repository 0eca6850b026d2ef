import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer, RouteSpec } from '../../config/AppManifest';
import type { Logger } from '../logger';
import { answerForError } from './answerForError';
import { json } from './answers';
import { createRequestIds } from './createRequestIds';
import { createRequestLog, type RequestLog } from './createRequestLog';
import { createRouter } from './createRouter';
import { HttpError } from './HttpError';
import { originForm } from './originForm';
import { clientAddressOf, hasUnreadBody, isHttps, requestIdOf } from './requestFacts';
import { STRICT_TRANSPORT_SECURITY } from './strictTransportSecurity';
import { writeAnswer } from './writeAnswer';

/** Answers every request no route takes: the static files (synchronous: the hot path). */
export type Fallback = (req: IncomingMessage) => Answer;

/** Options for {@link createRequestHandler}. */
export interface RequestHandlerOptions {
  readonly logger: Logger;
  /** Trust `X-Forwarded-*` from the proxy in front. */
  readonly trustProxy: boolean;
  /** The routes table (the toolkit's and the app's). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly routes: readonly RouteSpec<any, any>[];
  /** Everything else: the static files. */
  readonly fallback: Fallback;
  /** Whether the process is stopping: then responses ask clients to close keep-alive connections. */
  readonly isStopping: () => boolean;
  /** The configuration handlers see. */
  readonly config: unknown;
  /** The services handlers see. */
  readonly services: unknown;
  /** The status the clientError listener wrote straight to a socket (408 for a request that took too long), if it did. */
  readonly statusWrittenTo?: (socket: object) => number | undefined;
}

/** What the slow path of a request needs from the pipeline: made once, at boot. */
interface Pipeline {
  readonly logger: Logger;
  readonly logCompleted: RequestLog;
  readonly statusWrittenTo?: (socket: object) => number | undefined;
}

/**
 * The request pipeline: a request id (taken from `X-Request-ID` or made, and
 * echoed), HSTS for HTTPS requests, routing (405 with Allow for a known path
 * and another method), one JSON log line per request with the bytes sent, and
 * errors that log their stack but never send it. Every answer, the static
 * files' included, is written by writeAnswer, so those headers and that log
 * line are the same for every route.
 *
 * An answer sent while part of the request's body is unread (a refusal: 401,
 * 413, 429, or any answer that ignores the body) carries `Connection: close`
 * and the connection closes after it: Node would otherwise read and discard
 * the whole declared body to keep the connection.
 *
 * The log line is written as soon as the response is complete: at once for the
 * answers made synchronously (the static files), at `close` for the others. A
 * response cut short is marked `aborted: true` and carries the status actually
 * sent, or none; when the client went away (not the server's timeout), a warn
 * line says so, and the request stream's own error is not logged as a server
 * failure.
 *
 * A synchronous answer (every static file) creates no closure and adds no
 * listener: what a request costs beyond a bare answer is its id, its headers
 * and its line. Only an answer still pending takes the slow path.
 */
export function createRequestHandler({ logger, trustProxy, routes, fallback, isStopping, config, services, statusWrittenTo }: RequestHandlerOptions) {
  const route = createRouter(routes);
  const nextRequestId = createRequestIds();
  const pipeline: Pipeline = { logger, logCompleted: createRequestLog(logger), statusWrittenTo };

  return function handleRequest(req: IncomingMessage, res: ServerResponse): void {
    const started = performance.now();
    const requestId = requestIdOf(req, nextRequestId);
    const pipelineHeaders = ['X-Request-ID', requestId];
    if (isHttps(req, trustProxy)) pipelineHeaders.push('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    if (isStopping()) pipelineHeaders.push('Connection', 'close');
    const path = pathOf(req.url);
    const method = req.method ?? 'GET';

    let answer: Answer | Promise<Answer> | undefined;
    try {
      const match = route(path, method);
      if (match.kind === 'route') {
        answer = match.route.handler(req, { requestId, clientAddress: clientAddressOf(req, trustProxy), path, config, services, logger });
      } else if (match.kind === 'method not allowed') {
        answer = json(405, { error: `Use ${match.allow} on ${path}.` }, { Allow: match.allow });
      } else {
        answer = fallback(req);
      }
    } catch (error) {
      answer = answerToFailure(pipeline, req, res, requestId, error);
    }
    if (answer instanceof Promise) {
      finishLater(pipeline, req, res, requestId, path, started, pipelineHeaders, answer);
      return;
    }
    const bytes = answer === undefined ? 0 : send(req, res, answer, pipelineHeaders);
    if (res.writableEnded) pipeline.logCompleted(requestId, method, path, res.statusCode, bytes, elapsedMs(started));
    else logAtClose(pipeline, req, res, requestId, path, started, () => bytes);
  };
}

/** Writes an answer unless the response is already answered or gone; returns the body bytes sent. */
function send(req: IncomingMessage, res: ServerResponse, answer: Answer, pipelineHeaders: string[]): number {
  if (res.headersSent || res.destroyed) return 0;
  if (hasUnreadBody(req) && !pipelineHeaders.includes('Connection')) pipelineHeaders.push('Connection', 'close');
  return writeAnswer(req, res, answer, pipelineHeaders);
}

/**
 * Logs a handler's failure and returns what to answer, or undefined when the
 * headers already went (the response is destroyed instead). An HttpError is an
 * answer the handler chose; the request stream's own error is the client going
 * away (logged at close, with what it was sent); anything else is a bug,
 * logged with its stack.
 */
function answerToFailure({ logger }: Pipeline, req: IncomingMessage, res: ServerResponse, requestId: string, error: unknown): Answer | undefined {
  if (error instanceof HttpError) logger.warn({ requestId, status: error.status, reason: error.message }, 'request refused');
  else if (req.errored === null || error !== req.errored) logger.error({ requestId, err: error }, 'request failed');
  if (!res.headersSent) return answerForError(error, requestId);
  res.destroy();
  return undefined;
}

/** The slow path: an answer still pending, sent when it settles, and logged when the response closes. */
function finishLater(
  pipeline: Pipeline,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  path: string,
  started: number,
  pipelineHeaders: string[],
  answer: Promise<Answer>,
): void {
  let bytes = 0;
  answer.then(
    (settled) => {
      bytes = send(req, res, settled, pipelineHeaders);
    },
    (error: unknown) => {
      const failure = answerToFailure(pipeline, req, res, requestId, error);
      if (failure !== undefined) bytes = send(req, res, failure, pipelineHeaders);
    },
  );
  logAtClose(pipeline, req, res, requestId, path, started, () => bytes);
}

/** Logs the request when its response closes: completed, or cut short (`aborted: true`, with the status sent, if any). */
function logAtClose(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse, requestId: string, path: string, started: number, bytesSent: () => number): void {
  // Node emits 'finish' even when the socket failed under the write (and `writableFinished` reads true once the
  // socket is destroyed): only a socket still open at 'finish' took the whole answer.
  let finished = false;
  res.once('finish', () => {
    finished = !req.socket.destroyed;
  });
  res.once('close', () => {
    const method = req.method ?? 'GET';
    const durationMs = elapsedMs(started);
    if (finished) {
      pipeline.logCompleted(requestId, method, path, res.statusCode, bytesSent(), durationMs);
      return;
    }
    // res.statusCode is 200 until a status is set: only a status whose headers went out was sent.
    const written = pipeline.statusWrittenTo?.(req.socket);
    const status = written ?? (res.headersSent ? res.statusCode : undefined);
    const sent = status === undefined ? {} : { status };
    if (written === undefined) pipeline.logger.warn({ requestId, method, path, ...sent }, 'client went away');
    pipeline.logger.info({ requestId, method, path, ...sent, bytes: bytesSent(), durationMs, aborted: true }, 'request');
  });
}

/** Milliseconds since `started` (a `performance.now()`), to the microsecond. */
function elapsedMs(started: number): number {
  return Math.round((performance.now() - started) * 1000) / 1000;
}

function pathOf(url: string | undefined): string {
  // The common case, a plain path, without a regular expression.
  if (url !== undefined && url.charCodeAt(0) === 47 && !url.includes('?') && !url.includes('#')) return url;
  const raw = originForm(url ?? '/') ?? '/';
  const end = raw.search(/[?#]/);
  return end === -1 ? raw : raw.slice(0, end);
}
