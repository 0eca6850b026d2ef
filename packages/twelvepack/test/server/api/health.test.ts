import { Agent, get, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createServer } from '../../../src/server/createServer';
import { createProcessState, type ProcessState } from '../../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../../src/server/logger';
import { loadStaticTable } from '../../../src/server/static/loadStaticTable';
import { builtClientDir } from '../../support/builtApp';
import { fixtureRoutes, startTestServer, type TestServer } from '../../support/startTestServer';

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A GET over a keep-alive agent, so `Connection: close` is the server's choice, not the client's. */
function getAnswer(url: string, agent: Agent): Promise<Answer> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

/** The promise's value, or 'timed out' if it takes longer than ms. */
async function withinMs<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timed out'>((resolve) => {
    timer = setTimeout(() => resolve('timed out'), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

describe('/healthz and /readyz on a ready server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('/healthz answers 200 {status: "ok"}', async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 once the server is ready', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready' });
  });

  it('health answers are never cached', async () => {
    for (const path of ['/healthz', '/readyz']) expect((await fetch(`${server.url}${path}`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('/readyz through the process lifecycle', () => {
  let server: Server;
  let state: ProcessState;
  let url: string;
  let agent: Agent;

  beforeEach(async () => {
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
    const publicEnv = { NODE_ENV: 'production', PUBLIC_APP_NAME: 'Lifecycle App', PUBLIC_TAGLINE: 'Testing' };
    state = createProcessState();
    server = createServer({ logger, staticFiles: loadStaticTable({ dir: builtClientDir(), publicEnv }), readiness: state, trustProxy: false, ...fixtureRoutes({ PUBLIC_APP_NAME: 'Lifecycle App' }) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    agent = new Agent({ keepAlive: true });
  });
  afterEach(async () => {
    agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('answers 503 with Retry-After before markReady(), while /healthz already answers 200', async () => {
    const ready = await getAnswer(`${url}/readyz`, agent);
    expect(ready.status).toBe(503);
    expect(JSON.parse(ready.body)).toEqual({ status: 'not ready' });
    expect(ready.headers['retry-after']).toBe('1');
    expect((await getAnswer(`${url}/healthz`, agent)).status).toBe(200);
  });

  it('answers 200 after markReady()', async () => {
    state.markReady();
    expect((await getAnswer(`${url}/readyz`, agent)).status).toBe(200);
  });

  it('answers 503 again after markStopping(), and stays so even if markReady() is called', async () => {
    state.markReady();
    state.markStopping();
    expect((await getAnswer(`${url}/readyz`, agent)).status).toBe(503);
    state.markReady();
    expect((await getAnswer(`${url}/readyz`, agent)).status).toBe(503);
  });

  it('keeps connections alive while running', async () => {
    state.markReady();
    const answer = await getAnswer(`${url}/healthz`, agent);
    expect(answer.headers.connection).toBe('keep-alive');
  });

  it('answers every route with `Connection: close` while stopping', async () => {
    state.markReady();
    state.markStopping();
    for (const path of ['/healthz', '/readyz', '/api/greeting', '/', '/no-such-file.js']) {
      expect({ path, connection: (await getAnswer(`${url}${path}`, agent)).headers.connection }).toEqual({ path, connection: 'close' });
    }
  });

  it('closes a kept-alive connection after its next response once stopping', async () => {
    state.markReady();
    await getAnswer(`${url}/healthz`, agent);
    const [socket] = Object.values(agent.freeSockets).flat();
    expect(socket).toBeDefined();
    const closed = new Promise<'closed'>((resolve) => socket!.once('close', () => resolve('closed')));
    state.markStopping();
    await getAnswer(`${url}/healthz`, agent);
    expect(await withinMs(closed, 2000)).toBe('closed');
  });
});
