import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { adminKvRoute, type AdminKvRouteOptions } from '../../../src/server/api/adminKvRoute';
import { createServer } from '../../../src/server/createServer';
import { createProcessState } from '../../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../../src/server/logger';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';

const TOKEN = 'k4NC2CktQdziXK0UOuiqMyiilDw77JXDAlNocX6Jgj0';
const WRONG = 'mFFhaGn6onuiL9DITY6VXtHkNDoeSAsMGRdCNM9rvyA';

/** A clock the test moves by hand, so a minute passes at once. */
function manualClock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

interface AdminServer {
  readonly url: string;
  readonly logs: Record<string, unknown>[];
  readonly clock: ReturnType<typeof manualClock>;
  /** An admin request (GET of key `k` unless `init` says otherwise), as the client at `from` when the proxy is trusted. */
  admin(authorization: string | undefined, options?: { from?: string; init?: RequestInit }): Promise<Response>;
  close(): Promise<void>;
}

/** The real server with the admin API on in-memory SQLite, on 127.0.0.1 port 0, its clock in the test's hand. */
async function startAdminServer({ trustProxy = true, ...limits }: { trustProxy?: boolean } & Partial<AdminKvRouteOptions<unknown>> = {}): Promise<AdminServer> {
  const logs: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const clock = manualClock();
  const store: KeyValueStore = openSqliteStore(':memory:');
  const state = createProcessState();
  const server = createServer({
    logger: createLogger({ level: 'info', destination }),
    readiness: state,
    trustProxy,
    routes: [adminKvRoute({ store: () => store, now: clock.now, ...limits })],
    config: { ADMIN_TOKEN: TOKEN },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.markReady();
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    logs,
    clock,
    admin: (authorization, { from, init = {} } = {}) =>
      fetch(`${url}/api/admin/kv/k`, {
        ...init,
        headers: { ...(authorization === undefined ? {} : { Authorization: authorization }), ...(from === undefined ? {} : { 'X-Forwarded-For': from }), ...init.headers },
      }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => void store.close().then(resolve));
      }),
  };
}

/** Sends `count` failed attempts from one address, in turn; returns their statuses. */
async function fail(server: AdminServer, count: number, from = '203.0.113.7'): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i += 1) statuses.push((await server.admin(`Bearer ${WRONG}`, { from })).status);
  return statuses;
}

describe('failed admin attempts, limited per client address', () => {
  let server: AdminServer;
  beforeEach(async () => {
    server = await startAdminServer();
  });
  afterEach(() => server.close());

  it('answers the first 10 failures of an address 401, and its 11th request 429 with Retry-After in seconds', async () => {
    expect(await fail(server, 10)).toEqual(Array(10).fill(401));
    const refused = await server.admin(`Bearer ${WRONG}`, { from: '203.0.113.7' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(refused.headers.get('cache-control')).toBe('no-store');
    expect(await refused.json()).toEqual({ error: 'Too many failed admin attempts from your address; try again in 60 s.' });
  });

  it('refuses the locked-out address even with the right token, and writes nothing', async () => {
    await fail(server, 10);
    const put = await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7', init: { method: 'PUT', body: 'sneaky' } });
    expect(put.status).toBe(429);
    expect((await server.admin(`Bearer ${TOKEN}`, { from: '198.51.100.1' })).status).toBe(404);
  });

  it('counts a missing token as a failure too', async () => {
    for (let i = 0; i < 10; i += 1) expect((await server.admin(undefined, { from: '203.0.113.7' })).status).toBe(401);
    expect((await server.admin(undefined, { from: '203.0.113.7' })).status).toBe(429);
  });

  it('counts down Retry-After as the window passes, and lets the address in again once it has', async () => {
    await fail(server, 10);
    server.clock.advance(45_500);
    expect((await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7' })).headers.get('retry-after')).toBe('15');
    server.clock.advance(14_500);
    const after = await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7', init: { method: 'PUT', body: 'v' } });
    expect(after.status).toBe(200);
  });

  it('never locks out another address, behind the trusted proxy', async () => {
    await fail(server, 10, '203.0.113.7');
    expect((await server.admin(`Bearer ${TOKEN}`, { from: '198.51.100.1', init: { method: 'PUT', body: 'v' } })).status).toBe(200);
    expect((await server.admin(`Bearer ${WRONG}`, { from: '198.51.100.1' })).status).toBe(401);
  });

  it('does not count the right token’s requests', async () => {
    for (let i = 0; i < 20; i += 1) expect((await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7' })).status).toBe(404);
    expect(await fail(server, 10)).toEqual(Array(10).fill(401));
  });

  it('logs each failure at warn with the address and what was wrong, never the token', async () => {
    await server.admin(undefined, { from: '203.0.113.7' });
    await fail(server, 9);
    const failures = server.logs.filter((line) => line.msg === 'admin auth failed');
    expect(failures).toHaveLength(10);
    expect(failures[0]).toMatchObject({ level: 'warn', clientAddress: '203.0.113.7', reason: 'no bearer token', requestId: expect.any(String) });
    expect(failures[1]).toMatchObject({ level: 'warn', clientAddress: '203.0.113.7', reason: 'wrong token' });
    expect(failures[1]).not.toHaveProperty('lockedOutForSeconds');
    // The failure that reaches the limit says for how long the address is locked out.
    expect(failures[9]).toMatchObject({ lockedOutForSeconds: 60 });
    expect(JSON.stringify(server.logs)).not.toContain(WRONG);
    expect(JSON.stringify(server.logs)).not.toContain(TOKEN);
  });
});

describe('the limit of failed admin attempts, configured', () => {
  it('takes its own count and window', async () => {
    const server = await startAdminServer({ maxFailures: 2, failureWindowMs: 5_000 });
    try {
      expect(await fail(server, 3)).toEqual([401, 401, 429]);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7' })).headers.get('retry-after')).toBe('5');
      server.clock.advance(5_000);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '203.0.113.7' })).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('keys on the socket address when the proxy is not trusted, so a made-up X-Forwarded-For escapes nothing', async () => {
    const server = await startAdminServer({ trustProxy: false });
    try {
      for (let i = 0; i < 10; i += 1) expect((await server.admin(`Bearer ${WRONG}`, { from: `192.0.2.${i}` })).status).toBe(401);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '192.0.2.200' })).status).toBe(429);
      expect(server.logs.filter((line) => line.msg === 'admin auth failed').every((line) => line.clientAddress === '127.0.0.1')).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('tracks at most maxTrackedAddresses addresses, forgetting the oldest first', async () => {
    const server = await startAdminServer({ maxFailures: 1, maxTrackedAddresses: 2 });
    try {
      for (const from of ['192.0.2.1', '192.0.2.2']) await fail(server, 1, from);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '192.0.2.1' })).status).toBe(429);
      await fail(server, 1, '192.0.2.3');
      // The third address pushed the first out; the second and third are still locked out.
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '192.0.2.1' })).status).toBe(404);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '192.0.2.2' })).status).toBe(429);
      expect((await server.admin(`Bearer ${TOKEN}`, { from: '192.0.2.3' })).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
