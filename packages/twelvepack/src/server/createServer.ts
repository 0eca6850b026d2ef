import { createServer as createHttpServer, type Server } from 'node:http';
import type { RouteSpec } from '../config/AppManifest';
import { createClientErrorHandler } from './api/createClientErrorHandler';
import { createHealthRoutes, type Readiness } from './api/createHealthRoutes';
import { text } from './http/answers';
import { createRequestHandler } from './http/createRequestHandler';
import type { Logger } from './logger';
import { createStaticHandler } from './static/createStaticHandler';
import type { LoadedStatic } from './static/loadStaticTable';

/** Options for {@link createServer}. */
export interface ServerOptions {
  readonly logger: Logger;
  /** The static files, loaded at boot; absent when only the API is served (npm run dev). */
  readonly staticFiles?: LoadedStatic;
  /** Readiness for `/readyz`; also tells the pipeline when the process is stopping. */
  readonly readiness: Readiness & { isStopping(): boolean };
  readonly trustProxy: boolean;
  /** The app's routes table (src/app.ts); the toolkit's own routes come first. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly routes?: readonly RouteSpec<any, any>[];
  /** The configuration the routes see. */
  readonly config?: unknown;
  /** The app's services, opened once per process at boot. */
  readonly services?: unknown;
}

/**
 * The production HTTP server: health, readiness and browser error reports (the
 * toolkit's), the app's routes, and the static build for everything else. A
 * factory: it never listens, reads the environment or installs signal handlers
 * (src/server/main.ts does).
 */
export function createServer({ logger, staticFiles, readiness, trustProxy, routes = [], config = {}, services = {} }: ServerOptions): Server {
  const handler = createRequestHandler({
    logger,
    trustProxy,
    isStopping: () => readiness.isStopping(),
    routes: [...createHealthRoutes(readiness), createClientErrorHandler({ logger }), ...routes],
    fallback: staticFiles === undefined ? () => text(404, 'Not Found') : createStaticHandler(staticFiles),
    config,
    services,
  });
  const server = createHttpServer(handler);
  // Longer than common load balancers' idle timeout (60 s), so they close first and never hit a closed socket.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  return server;
}
