import { createServer } from '../../../src/server/createServer';
import { createProcessState } from '../../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../../src/server/logger';
import { connectRaw, parseHead, type RawConnection } from './connectRaw';
import { startApiServer, UPLOAD_PATH, waitFor, type ApiServer } from './startApiServer';

// Small limits, far apart, so the order in which they fire is plain; only ordering is asserted, never a stopwatch.
const HEADERS_TIMEOUT_MS = 300;
const REQUEST_TIMEOUT_MS = 2000;

/** Writes `bytes` every `everyMs` until the connection closes: a client that never stops, never finishes. */
function drip(connection: RawConnection, bytes: string, everyMs = 50): void {
  const timer = setInterval(() => {
    if (!connection.write(bytes)) clearInterval(timer);
  }, everyMs);
  void connection.closed.then(() => clearInterval(timer));
}

describe('slow clients', () => {
  let server: ApiServer;
  beforeEach(async () => {
    server = await startApiServer({ HEADERS_TIMEOUT_MS, REQUEST_TIMEOUT_MS });
  });
  afterEach(() => server.close());

  it('a client that sends its headers slowly gets 408 and is closed after the header limit, before the request limit', async () => {
    const client = await connectRaw(server.port);
    client.write(`PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\n`);
    drip(client, 'X-Slow: a\r\n');
    const { afterMs } = await client.closed;
    expect(parseHead(client.received())).toEqual({ status: 408, headers: { connection: 'close' } });
    expect(afterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS);
    expect(afterMs).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('a client that sends its body slowly gets 408 and is closed after the request limit, not the header limit', async () => {
    const client = await connectRaw(server.port);
    client.write(`PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\nX-Request-ID: slow-body\r\nContent-Length: 100000\r\n\r\n`);
    drip(client, 'x');
    const { afterMs } = await client.closed;
    expect(parseHead(client.received())).toEqual({ status: 408, headers: { connection: 'close' } });
    expect(afterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  });

  it('a slow body that is complete within the request limit is answered, though it took longer than the header limit', async () => {
    const client = await connectRaw(server.port);
    client.write(`PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\nContent-Length: 10\r\nConnection: close\r\n\r\n`);
    for (let i = 0; i < 10; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, HEADERS_TIMEOUT_MS / 5));
      client.write('x');
    }
    await client.closed;
    expect(parseHead(client.received())?.status).toBe(200);
    expect(client.received().toString('latin1')).toContain('{"received":10}');
  });

  it('logs each timeout at warn with its reason and status, and the cut request as 408, not as a client gone or a failure', async () => {
    const slowHeaders = await connectRaw(server.port);
    slowHeaders.write('GET / HTTP/1.1\r\n');
    drip(slowHeaders, 'X-Slow: a\r\n');
    const slowBody = await connectRaw(server.port);
    slowBody.write(`PUT ${UPLOAD_PATH} HTTP/1.1\r\nHost: test\r\nX-Request-ID: slow-body\r\nContent-Length: 100000\r\n\r\n`);
    drip(slowBody, 'x');
    await Promise.all([slowHeaders.closed, slowBody.closed]);
    await waitFor(() => server.logs.some((line) => line.msg === 'request' && line.requestId === 'slow-body'), 'the request line');

    const timeouts = server.logs.filter((line) => line.msg === 'request timed out');
    expect(timeouts).toEqual([
      expect.objectContaining({ level: 'warn', reason: 'ERR_HTTP_REQUEST_TIMEOUT', status: 408 }),
      expect.objectContaining({ level: 'warn', reason: 'ERR_HTTP_REQUEST_TIMEOUT', status: 408 }),
    ]);
    expect(server.logs.filter((line) => line.requestId === 'slow-body')).toEqual([
      expect.objectContaining({ msg: 'request', level: 'info', path: UPLOAD_PATH, status: 408, aborted: true }),
    ]);
    expect(server.logs.filter((line) => line.level === 'error' || line.msg === 'client went away')).toEqual([]);
  });
});

describe('the server timeouts', () => {
  const make = (config = {}) =>
    createServer({ logger: createLogger({ level: 'silent' }), readiness: createProcessState(), trustProxy: false, config });

  it('default to the schema: headers 10 s, whole request 30 s, keep-alive 65 s, checked every second', () => {
    const server = make();
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
      connectionsCheckingInterval: (server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval,
    }).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 65_000, connectionsCheckingInterval: 1000 });
  });

  it('come from the configuration, checked twice per header limit when that is under 2 s', () => {
    const server = make({ HEADERS_TIMEOUT_MS: 300, REQUEST_TIMEOUT_MS: 2000 });
    expect([server.headersTimeout, server.requestTimeout]).toEqual([300, 2000]);
    expect((server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval).toBe(150);
  });

  it('refuse a header limit above the request limit (Node would swap them)', () => {
    expect(() => make({ HEADERS_TIMEOUT_MS: 5000, REQUEST_TIMEOUT_MS: 1000 })).toThrow(/headersTimeout/);
  });
});
