import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import { createServer } from '../../src/server/createServer';
import { createProcessState } from '../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../src/server/logger';
import { loadStaticTable } from '../../src/server/static/loadStaticTable';
import type { KeyValueStore } from '../../src/server/store/KeyValueStore';
import { openSqliteStore } from '../../src/server/store/openSqliteStore';
import { routes } from '../fixtures/server-app/src/server/routes';
import { builtClientDir } from './builtApp';

/**
 * What createServer needs to serve the fixture app's routes: the table, the
 * configuration they read and their services (a store, in-memory SQLite by default).
 */
export function fixtureRoutes(config: { PUBLIC_APP_NAME: string; ADMIN_TOKEN?: string }, store: KeyValueStore = openSqliteStore(':memory:')) {
  return { routes, config, services: { store, close: () => store.close() } };
}

/** A production server on 127.0.0.1, port 0, in this process; logs captured as objects. */
export interface TestServer {
  readonly url: string;
  readonly server: Server;
  /** Every log line so far, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Options for {@link startTestServer}. */
export interface TestServerOptions {
  readonly publicEnv?: Readonly<Record<string, string>>;
  readonly serveSourceMaps?: boolean;
  readonly trustProxy?: boolean;
  /** The key/value store; an in-memory SQLite one by default. Closed with the server. */
  readonly store?: KeyValueStore;
  /** Enables the admin key/value API. */
  readonly adminToken?: string;
}

/** Starts the real server factory over the shared test build. The test must close it. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger({ level: 'info', destination });
  const publicEnv = options.publicEnv ?? { NODE_ENV: 'production', PUBLIC_APP_NAME: 'Test App', PUBLIC_TAGLINE: 'Testing' };
  const staticFiles = loadStaticTable({ dir: builtClientDir(), publicEnv, serveSourceMaps: options.serveSourceMaps });
  const state = createProcessState();
  const store = options.store ?? openSqliteStore(':memory:');
  const server = createServer({
    logger,
    staticFiles,
    readiness: state,
    trustProxy: options.trustProxy ?? false,
    ...fixtureRoutes({ PUBLIC_APP_NAME: publicEnv.PUBLIC_APP_NAME ?? '', ADMIN_TOKEN: options.adminToken }, store),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.markReady();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => void store.close().then(resolve));
      }),
  };
}
