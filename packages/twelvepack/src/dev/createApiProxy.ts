import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { ApiProcess } from './createApiProcess';

/** How long a request to the app's routes waits for an API child to listen (the first start, a restart). */
export const API_WAIT_MS = 10_000;

/** Headers of one connection, not of the message (RFC 9110 §7.6.1): never forwarded, either way. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

const endToEnd = (headers: IncomingMessage['headers']) =>
  Object.fromEntries(Object.entries(headers).filter(([name, value]) => value !== undefined && !HOP_BY_HOP.has(name)));

/**
 * The dev server's door to the API: a request to one of the API's paths waits, up to `waitMs`, for a child that
 * listens (the dev server answers pages before the first one is up), then goes to that child as it came (its
 * Host kept, so the app sees the dev server's origin); with none listening, or one that goes away mid-request,
 * it gets a 503 with Retry-After and a body that says where to look. Other paths pass at once.
 *
 * Node's own http client, not webpack-dev-server's `proxy` option: that one's http-proxy calls `util._extend`,
 * which Node 22 and later warn of at every start (DEP0060), and the toolkit starts no deprecation warning.
 */
export function createApiProxy(api: ApiProcess, isApiPath: (path: string) => boolean, waitMs = API_WAIT_MS) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!isApiPath(new URL(req.url ?? '/', 'http://dev').pathname)) return next();
    void api.whenServing(waitMs).then((url) => (url === undefined ? answerUnavailable(res) : forward(req, res, url)));
  };
}

function forward(req: IncomingMessage, res: ServerResponse, url: string): void {
  const { hostname, port } = new URL(url);
  const upstream = request({ hostname, port, method: req.method, path: req.url, headers: endToEnd(req.headers) }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
    answer.pipe(res);
    // The child went away after its head: end what was sent (the client sees a cut answer, as it would from it).
    answer.once('error', () => res.destroy());
  });
  upstream.once('error', () => (res.headersSent ? res.destroy() : answerUnavailable(res)));
  // The browser gave up: so does the child's request.
  res.once('close', () => upstream.destroy());
  req.pipe(upstream);
}

/** The answer while no API child is running: the terminal says why (a crash, a failed build). */
export function answerUnavailable(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(JSON.stringify({ error: 'The API server is not running; see the terminal.' }));
}
