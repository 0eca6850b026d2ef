import type { Route } from '../http/createRequestHandler';
import { sendJson } from '../http/sendJson';

/** `GET /api/greeting`: the small demo API the page calls on the same origin. */
export function createGreetingRoute(appName: string): Route {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Use GET.' }, { Allow: 'GET, HEAD' });
    sendJson(res, 200, { greeting: `Hello from the ${appName} server`, servedBy: process.pid });
  };
}
