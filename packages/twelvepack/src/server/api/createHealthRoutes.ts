import type { Route } from '../http/createRequestHandler';
import { sendJson } from '../http/sendJson';

/** Readiness as the process sees it. */
export interface Readiness {
  /** True once booted, false again when shutdown begins. */
  isReady(): boolean;
}

/**
 * `/healthz` (liveness: the process answers) and `/readyz` (readiness: send
 * traffic here), 503 while starting or shutting down so a router drains us.
 */
export function createHealthRoutes(readiness: Readiness): Record<string, Route> {
  return {
    '/healthz': (_req, res) => sendJson(res, 200, { status: 'ok' }),
    '/readyz': (_req, res) =>
      readiness.isReady() ? sendJson(res, 200, { status: 'ready' }) : sendJson(res, 503, { status: 'not ready' }, { 'Retry-After': '1' }),
  };
}
