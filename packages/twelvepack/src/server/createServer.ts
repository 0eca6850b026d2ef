import { createServer as createHttpServer, type Server } from 'node:http';
import type { RouteSpec } from '../config/AppManifest';
import { schema, type Config, type VarSpec } from '../config/schema';
import { createClientErrorHandler } from './api/createClientErrorHandler';
import { createHealthRoutes, type Readiness } from './api/createHealthRoutes';
import { text } from './http/answers';
import { createClientErrorListener } from './http/createClientErrorListener';
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
  /**
   * The configuration the routes see; the server reads its timeouts from it
   * (HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS), and takes the schema's defaults when absent.
   */
  readonly config?: ServerConfig;
  /** The app's services, opened once per process at boot. */
  readonly services?: unknown;
}

/** The part of the configuration the server itself reads; the routes see all of it. */
export type ServerConfig = Readonly<Record<string, unknown>> & Partial<Pick<Config, 'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS'>>;

/**
 * How long an idle keep-alive connection stays open: longer than common load balancers' idle timeout (60 s on AWS's
 * and nginx's), so they close first and never send a request down a socket this server is closing.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * The production HTTP server: health, readiness and browser error reports (the
 * toolkit's), the app's routes, and the static build for everything else;
 * slow clients bounded by the configured timeouts, and requests Node's parser
 * rejects answered and logged (http/createClientErrorListener). A factory: it
 * never listens, reads the environment or installs signal handlers
 * (src/server/main.ts does).
 */
export function createServer({ logger, staticFiles, readiness, trustProxy, routes = [], config = {}, services = {} }: ServerOptions): Server {
  const clientErrors = createClientErrorListener({ logger });
  const handler = createRequestHandler({
    logger,
    statusWrittenTo: clientErrors.statusWrittenTo,
    trustProxy,
    isStopping: () => readiness.isStopping(),
    routes: [...createHealthRoutes(readiness), createClientErrorHandler({ logger }), ...routes],
    fallback: staticFiles === undefined ? () => text(404, 'Not Found') : createStaticHandler(staticFiles),
    config,
    services,
  });
  const server = createHttpServer({ ...timeoutsOf(config), keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS }, handler);
  server.on('clientError', clientErrors.listener);
  server.once('close', () => clientErrors.flush());
  return server;
}

/**
 * Node's timeouts, in the order Node needs: headers at most the whole request
 * (given as options, Node refuses the other order; set afterwards, it swaps
 * them), and checked often enough that each fires within half the headers
 * limit, at most 1 s, of its deadline (Node checks every 30 s by default).
 */
function timeoutsOf(config: ServerConfig): { headersTimeout: number; requestTimeout: number; connectionsCheckingInterval: number } {
  const headersTimeout = config.HEADERS_TIMEOUT_MS ?? defaultOf('HEADERS_TIMEOUT_MS');
  const requestTimeout = config.REQUEST_TIMEOUT_MS ?? defaultOf('REQUEST_TIMEOUT_MS');
  return { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.max(1, Math.min(1000, Math.floor(headersTimeout / 2))) };
}

function defaultOf(name: 'HEADERS_TIMEOUT_MS' | 'REQUEST_TIMEOUT_MS'): number {
  const spec: VarSpec | undefined = schema.find((candidate) => candidate.name === name);
  return Number(spec?.default);
}
