import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiProcess } from './createApiProcess';

/** How long a request to the app's routes waits for an API child to listen (the first start, a restart). */
export const API_WAIT_MS = 10_000;

/**
 * A dev-server middleware in front of the proxy: a request to one of the API's paths waits, up to `waitMs`, for
 * a child that listens (the dev server answers pages before the first one is up), then goes on to the proxy; with
 * none, it gets a 503 with Retry-After and a body that says where to look. Other paths pass at once.
 */
export function createApiGate(api: ApiProcess, isApiPath: (path: string) => boolean, waitMs = API_WAIT_MS) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    if (!isApiPath(new URL(req.url ?? '/', 'http://dev').pathname)) return next();
    void api.whenServing(waitMs).then((url) => (url === undefined ? answerUnavailable(res) : next()));
  };
}

/** The answer while no API child is running: the terminal says why (a crash, a failed build). */
export function answerUnavailable(res: ServerResponse): void {
  if (!res.headersSent) res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
  res.end(JSON.stringify({ error: 'The API server is not running; see the terminal.' }));
}
