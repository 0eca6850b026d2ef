import type { RouteSpec } from '../../config/AppManifest';
import { json } from '../http/answers';

/** Readiness as the process sees it. */
export interface Readiness {
  /** True once booted, false again when shutdown begins. */
  isReady(): boolean;
}

/**
 * `/healthz` (liveness: the process answers) and `/readyz` (readiness: send
 * traffic here), 503 while starting or shutting down so a router drains us.
 */
export function createHealthRoutes(readiness: Readiness): RouteSpec<unknown, unknown>[] {
  return [
    { path: '/healthz', methods: ['GET'], handler: () => json(200, { status: 'ok' }) },
    {
      path: '/readyz',
      methods: ['GET'],
      handler: () => (readiness.isReady() ? json(200, { status: 'ready' }) : json(503, { status: 'not ready' }, { 'Retry-After': '1' })),
    },
  ];
}
