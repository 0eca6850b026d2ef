import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { RouteSpec } from '../../../src/config/AppManifest';
import { adminKvRoute } from '../../../src/server/api/adminKvRoute';
import { createServer, type ServerConfig } from '../../../src/server/createServer';
import { json } from '../../../src/server/http/answers';
import { BodyTooLargeError, readBody } from '../../../src/server/http/readBody';
import { createProcessState } from '../../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../../src/server/logger';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';

/** The token the admin API of {@link startApiServer} expects. */
export const ADMIN_TOKEN = 'correct-horse-battery-staple';

/** Where {@link startApiServer} takes uploads: PUT, read whole (up to 1 MiB), answered with the length. */
export const UPLOAD_PATH = '/upload';

/** Where {@link startApiServer} reads at most 1 KiB, and takes 300 ms to answer 413 to a larger body. */
export const SLOW_REFUSAL_PATH = '/slow-refusal';

/** Where {@link startApiServer} answers GET with 100 MiB: more than the kernel buffers (up to ~36 MiB here) for a client that stops reading. */
export const LARGE_PATH = '/large';

/** The real server, API only (no static build), on 127.0.0.1 port 0 in this process; logs captured as objects. */
export interface ApiServer {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Every log line so far, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * createServer with the toolkit's routes, the admin key/value API (in-memory
 * SQLite) and an upload route; `config` adds to the admin token (the timeouts, say).
 */
export async function startApiServer(config: ServerConfig = {}): Promise<ApiServer> {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const store = openSqliteStore(':memory:');
  const upload: RouteSpec<unknown, unknown> = {
    path: UPLOAD_PATH,
    methods: ['PUT'],
    handler: async (req) => json(200, { received: (await readBody(req, 1024 * 1024)).length }),
  };
  const slowRefusal: RouteSpec<unknown, unknown> = {
    path: SLOW_REFUSAL_PATH,
    methods: ['PUT'],
    handler: async (req) => {
      try {
        return json(200, { received: (await readBody(req, 1024)).length });
      } catch (error) {
        if (!(error instanceof BodyTooLargeError)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return json(413, { error: error.message });
      }
    },
  };
  let largeBody: Buffer | undefined;
  const large: RouteSpec<unknown, unknown> = {
    path: LARGE_PATH,
    methods: ['GET'],
    handler: async () => {
      largeBody ??= Buffer.alloc(100 * 1024 * 1024, 'x');
      return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: largeBody };
    },
  };
  const state = createProcessState();
  const server = createServer({
    logger: createLogger({ level: 'info', destination }),
    readiness: state,
    trustProxy: false,
    routes: [upload, slowRefusal, large, adminKvRoute({ store: () => store })],
    config: { ADMIN_TOKEN, ...config },
    services: {},
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.markReady();
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    logs,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => void store.close().then(resolve));
      }),
  };
}

/** Waits until `condition` holds, polling every 10 ms; throws after `timeoutMs`. */
export async function waitFor(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
