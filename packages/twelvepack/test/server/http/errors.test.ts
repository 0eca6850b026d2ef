import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { RouteSpec } from '../../../src/config/AppManifest';
import { text } from '../../../src/server/http/answers';
import { createRequestHandler } from '../../../src/server/http/createRequestHandler';
import { HttpError } from '../../../src/server/http/HttpError';
import { createLogger } from '../../../src/server/logger';

const SECRET = 'boom secret detail';

/** Routes that fail in each way a route can. */
const failingRoutes: RouteSpec<unknown, unknown>[] = [
  {
    path: '/throws',
    methods: ['GET'],
    handler: () => {
      throw new Error(SECRET);
    },
  },
  {
    path: '/rejects',
    methods: ['GET'],
    handler: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new Error(SECRET);
    },
  },
  {
    path: '/refuses',
    methods: ['GET'],
    handler: async () => {
      await new Promise((resolve) => setImmediate(resolve));
      throw new HttpError(429, 'Slow down: one a minute.', { headers: { 'Retry-After': '60' }, logMessage: `refused (${SECRET})` });
    },
  },
];

/** A failing route must still answer: a hang fails the test in seconds, not at jest's timeout. */
const withinFiveSeconds = () => AbortSignal.timeout(5000);

describe('a route that fails', () => {
  let server: Server;
  let url: string;
  let logs: Record<string, unknown>[];

  beforeEach(async () => {
    logs = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    const handler = createRequestHandler({
      logger: createLogger({ level: 'info', destination }),
      trustProxy: false,
      isStopping: () => false,
      routes: failingRoutes,
      fallback: () => text(404, 'Not Found'),
      config: {},
      services: {},
    });
    server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  describe.each([
    ['synchronously', '/throws'],
    ['by rejecting', '/rejects'],
  ])('%s', (_how, path) => {
    it('answers 500 with JSON {error: "Internal Server Error", requestId}', async () => {
      const res = await fetch(`${url}${path}`, { signal: withinFiveSeconds() });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual({ error: 'Internal Server Error', requestId: res.headers.get('x-request-id') });
    });

    it('sends neither the error message nor a stack to the client', async () => {
      const body = await (await fetch(`${url}${path}`, { signal: withinFiveSeconds() })).text();
      expect(body).not.toContain('boom');
      expect(body).not.toContain('secret');
      expect(body).not.toMatch(/\bat .+:\d+:\d+/);
      expect(body).not.toContain(__filename);
    });

    it('logs one error line with the message, the stack and the request id', async () => {
      const res = await fetch(`${url}${path}`, { headers: { 'X-Request-ID': 'failing-request-1' }, signal: withinFiveSeconds() });
      await res.arrayBuffer();
      const errorLines = logs.filter((line) => line.level === 'error');
      expect(errorLines).toHaveLength(1);
      const [line] = errorLines;
      expect(line).toEqual(expect.objectContaining({ msg: 'request failed', requestId: 'failing-request-1', pid: process.pid }));
      const err = line!.err as { message: string; stack: string };
      expect(err.message).toBe(SECRET);
      expect(err.stack).toContain(`Error: ${SECRET}`);
      expect(err.stack).toContain('errors.test.ts');
    });
  });

  it('answers an HttpError with its own status, public message and headers, and logs it as a refusal with the full message', async () => {
    const res = await fetch(`${url}/refuses`, { signal: withinFiveSeconds() });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('60');
    expect(await res.json()).toEqual({ error: 'Slow down: one a minute.', requestId: res.headers.get('x-request-id') });
    expect(logs.filter((line) => line.level === 'error')).toEqual([]);
    expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', msg: 'request refused', status: 429, reason: `refused (${SECRET})` }));
  });
});
