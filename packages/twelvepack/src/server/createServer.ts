import { createServer as createHttpServer, type Server } from 'node:http';
import { ADMIN_KV_PREFIX, createAdminKvRoute } from './api/createAdminKvRoute';
import { createClientErrorHandler } from './api/createClientErrorHandler';
import { createGreetingRoute } from './api/createGreetingRoute';
import { createHealthRoutes, type Readiness } from './api/createHealthRoutes';
import { createVisitsRoute } from './api/createVisitsRoute';
import { createRequestHandler } from './http/createRequestHandler';
import { headerObject } from './http/RequestContext';
import { sendJson } from './http/sendJson';
import type { Logger } from './logger';
import { createStaticHandler } from './static/createStaticHandler';
import type { LoadedStatic } from './static/loadStaticTable';
import type { KeyValueStore } from './store/KeyValueStore';

/** Options for {@link createServer}. */
export interface ServerOptions {
  readonly logger: Logger;
  /** The static files, loaded at boot; absent when only the API is served (npm run dev). */
  readonly staticFiles?: LoadedStatic;
  /** Readiness for `/readyz`; also tells the pipeline when the process is stopping. */
  readonly readiness: Readiness & { isStopping(): boolean };
  readonly trustProxy: boolean;
  /** Shown by the demo API. */
  readonly appName: string;
  /** The key/value store, opened once per process at boot. */
  readonly store: KeyValueStore;
  /** Bearer token for the admin key/value API; undefined disables that API. */
  readonly adminToken?: string;
}

/**
 * The production HTTP server: API routes, health, and the static build. A
 * factory: it never listens, reads the environment or installs signal handlers
 * (src/server/main.ts does).
 */
export function createServer({ logger, staticFiles, readiness, trustProxy, appName, store, adminToken }: ServerOptions): Server {
  const handler = createRequestHandler({
    logger,
    trustProxy,
    isStopping: () => readiness.isStopping(),
    routes: {
      ...createHealthRoutes(readiness),
      '/api/greeting': createGreetingRoute(appName),
      '/api/client-errors': createClientErrorHandler({ logger }),
      '/api/visits': createVisitsRoute(store),
    },
    prefixRoutes: { [ADMIN_KV_PREFIX]: createAdminKvRoute(store, adminToken) },
    fallback:
      staticFiles === undefined
        ? (_req, res, { responseHeaders }) => sendJson(res, 404, { error: 'Not Found' }, headerObject(responseHeaders))
        : createStaticHandler(staticFiles),
  });
  const server = createHttpServer(handler);
  // Longer than common load balancers' idle timeout (60 s), so they close first and never hit a closed socket.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  return server;
}
