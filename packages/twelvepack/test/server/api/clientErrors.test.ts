import { request } from 'node:http';
import { startTestServer, type TestServer } from '../../support/startTestServer';

const ENDPOINT = '/api/client-errors';
const MAX_BYTES = 16 * 1024;
const PER_MINUTE = 30;

const validReport = JSON.stringify({
  errors: [
    { kind: 'error', message: 'x is not defined', source: 'https://shop.test/main.js', line: 3, column: 7, count: 2 },
    { kind: 'unhandledrejection', message: 'fetch failed' },
  ],
});

function post(url: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}${ENDPOINT}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
}

const clientErrorLines = (server: TestServer) => server.logs.filter((line) => line.msg === 'client error');

describe('POST /api/client-errors', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 204 with no body to a valid report', async () => {
    server = await startTestServer();
    const res = await post(server.url, validReport);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('logs exactly one "client error" warning per reported error, with its message, kind, count and the request id', async () => {
    server = await startTestServer();
    const res = await post(server.url, validReport);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toEqual(expect.any(String));
    expect(clientErrorLines(server)).toEqual([
      expect.objectContaining({
        level: 'warn',
        requestId,
        clientError: { kind: 'error', message: 'x is not defined', source: 'https://shop.test/main.js', line: 3, column: 7, count: 2 },
      }),
      expect.objectContaining({ level: 'warn', requestId, clientError: { kind: 'unhandledrejection', message: 'fetch failed', count: 1 } }),
    ]);
  });

  it('accepts a report sent as text/plain, as a beacon may send it', async () => {
    server = await startTestServer();
    const res = await post(server.url, validReport, { 'Content-Type': 'text/plain;charset=UTF-8' });
    expect(res.status).toBe(204);
    expect(clientErrorLines(server)).toHaveLength(2);
  });

  it('accepts media types in any case (Text/Plain)', async () => {
    server = await startTestServer();
    expect((await post(server.url, validReport, { 'Content-Type': 'Text/Plain' })).status).toBe(204);
  });

  it('answers GET with 405 and Allow: POST', async () => {
    server = await startTestServer();
    const res = await fetch(`${server.url}${ENDPOINT}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(clientErrorLines(server)).toEqual([]);
  });

  it('refuses a body over 16 KiB with 413 and logs no client error', async () => {
    server = await startTestServer();
    const body = JSON.stringify({ errors: [{ kind: 'error', message: 'x'.repeat(MAX_BYTES) }] });
    const res = await post(server.url, body);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain(`${MAX_BYTES} bytes`);
    expect(clientErrorLines(server)).toEqual([]);
  });

  it('refuses a chunked body (no Content-Length) once it grows past 16 KiB, with 413 and no client error logged', async () => {
    server = await startTestServer();
    const { port } = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: ENDPOINT, method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.write('{"errors":[{"kind":"error","message":"');
      for (let sent = 0; sent <= MAX_BYTES; sent += 1024) req.write('y'.repeat(1024));
      req.end('"}]}');
    });
    expect(status).toBe(413);
    expect(clientErrorLines(server)).toEqual([]);
  });

  it('accepts a body of exactly 16 KiB', async () => {
    server = await startTestServer();
    const frame = JSON.stringify({ errors: [{ kind: 'error', message: '' }] });
    const body = JSON.stringify({ errors: [{ kind: 'error', message: 'z'.repeat(MAX_BYTES - frame.length) }] });
    expect(Buffer.byteLength(body)).toBe(MAX_BYTES);
    expect((await post(server.url, body)).status).toBe(204);
  });

  it.each([
    ['not JSON', 'oops', 'The body must be JSON'],
    ['no errors array', '{"error":"x"}', '"errors" must be a non-empty array.'],
    ['a wrong kind', JSON.stringify({ errors: [{ kind: 'warning', message: 'x' }] }), 'errors[0].kind must be "error" or "unhandledrejection".'],
    ['one good and one bad error', JSON.stringify({ errors: [{ kind: 'error', message: 'ok' }, { kind: 'error' }] }), 'errors[1].message must be a string.'],
  ])('answers a report with %s with 400 and the reason, logging no client error', async (_name, body, reason) => {
    server = await startTestServer();
    const res = await post(server.url, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringContaining(reason) });
    expect(clientErrorLines(server)).toEqual([]);
  });

  it('answers a body that is neither JSON nor text with 415', async () => {
    server = await startTestServer();
    const res = await post(server.url, validReport, { 'Content-Type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
    expect(clientErrorLines(server)).toEqual([]);
  });

  describe('rate limit', () => {
    async function sendReports(url: string, times: number, headers: Record<string, string> = {}): Promise<number[]> {
      const statuses: number[] = [];
      for (let i = 0; i < times; i += 1) statuses.push((await post(url, validReport, headers)).status);
      return statuses;
    }

    it(`accepts ${PER_MINUTE} reports a minute from one client, then answers 429 with Retry-After`, async () => {
      server = await startTestServer();
      expect(await sendReports(server.url, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(204));
      const refused = await post(server.url, validReport);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await refused.json()) as { error: string }).error).toContain(`${PER_MINUTE} a minute`);
      expect(clientErrorLines(server)).toHaveLength(PER_MINUTE * 2);
    });

    it('behind a trusted proxy, gives each X-Forwarded-For client its own budget', async () => {
      server = await startTestServer({ trustProxy: true });
      const first = { 'X-Forwarded-For': '203.0.113.1' };
      const second = { 'X-Forwarded-For': '203.0.113.2' };
      expect(await sendReports(server.url, PER_MINUTE, first)).toEqual(Array(PER_MINUTE).fill(204));
      expect((await post(server.url, validReport, first)).status).toBe(429);
      expect(await sendReports(server.url, PER_MINUTE, second)).toEqual(Array(PER_MINUTE).fill(204));
      expect((await post(server.url, validReport, second)).status).toBe(429);
    });

    it('behind a trusted proxy, keys on the address the proxy appended, so a client cannot pick its own budget', async () => {
      server = await startTestServer({ trustProxy: true });
      const spoofed = (i: number) => ({ 'X-Forwarded-For': `198.51.100.${i}, 10.0.0.9` });
      const statuses: number[] = [];
      for (let i = 0; i <= PER_MINUTE; i += 1) statuses.push((await post(server.url, validReport, spoofed(i))).status);
      expect(statuses.slice(0, PER_MINUTE)).toEqual(Array(PER_MINUTE).fill(204));
      expect(statuses[PER_MINUTE]).toBe(429);
    });

    it('without a trusted proxy, ignores X-Forwarded-For: one connection address shares one budget', async () => {
      server = await startTestServer({ trustProxy: false });
      expect(await sendReports(server.url, PER_MINUTE, { 'X-Forwarded-For': '203.0.113.1' })).toEqual(Array(PER_MINUTE).fill(204));
      expect((await post(server.url, validReport, { 'X-Forwarded-For': '203.0.113.2' })).status).toBe(429);
      expect((await post(server.url, validReport)).status).toBe(429);
    });
  });
});
