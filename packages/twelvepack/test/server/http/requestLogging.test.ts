import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { createRequestIds } from '../../../src/server/http/createRequestIds';
import { requestIdOf } from '../../../src/server/http/requestFacts';
import { startTestServer, type TestServer } from '../../support/startTestServer';

/** A generated request id: a UUID of version 8 (createRequestIds). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * The `request` lines for one request id. The line is written when the response
 * closes, which can be a tick after the client has read it, so this waits a little.
 */
async function requestLinesFor(server: TestServer, requestId: string, timeoutMs = 2000): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + timeoutMs;
  const find = () => server.logs.filter((line) => line.msg === 'request' && line.requestId === requestId);
  while (find().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  // One more turn, so a duplicate line written just after the first would be seen.
  await new Promise((resolve) => setImmediate(resolve));
  return find();
}

describe('request logging', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('writes exactly one "request" line per request, with method, path, status, bytes, duration and request id', async () => {
    const res = await fetch(`${server.url}/api/greeting`);
    const body = Buffer.from(await res.arrayBuffer());
    const requestId = res.headers.get('x-request-id')!;
    const lines = await requestLinesFor(server, requestId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual(
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/api/greeting', status: 200, bytes: body.length, requestId, durationMs: expect.any(Number) }),
    );
    expect(lines[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('stamps each line with level "info", an ISO time and the process id', async () => {
    const before = Date.now();
    const res = await fetch(`${server.url}/healthz`);
    await res.arrayBuffer();
    const [line] = await requestLinesFor(server, res.headers.get('x-request-id')!);
    expect(line).toEqual(expect.objectContaining({ level: 'info', pid: process.pid, time: expect.any(String) }));
    const time = line!.time as string;
    expect(new Date(time).toISOString()).toBe(time);
    expect(Date.parse(time)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(time)).toBeLessThanOrEqual(Date.now() + 1000);
  });

  it('logs 0 bytes for HEAD, whose body is never sent', async () => {
    const res = await fetch(`${server.url}/api/greeting`, { method: 'HEAD' });
    const [line] = await requestLinesFor(server, res.headers.get('x-request-id')!);
    expect(line).toMatchObject({ method: 'HEAD', status: 200, bytes: 0 });
  });

  it('logs the path without the query string', async () => {
    const res = await fetch(`${server.url}/api/greeting?token=abc&page=2`);
    await res.arrayBuffer();
    const [line] = await requestLinesFor(server, res.headers.get('x-request-id')!);
    expect(line!.path).toBe('/api/greeting');
    expect(JSON.stringify(server.logs)).not.toContain('token=abc');
  });

  it('logs the status the client received when it is not 200', async () => {
    const res = await fetch(`${server.url}/static/js/missing.0123456789abcdef.js`);
    await res.arrayBuffer();
    expect(res.status).toBe(404);
    const [line] = await requestLinesFor(server, res.headers.get('x-request-id')!);
    expect(line).toEqual(expect.objectContaining({ method: 'GET', status: 404, path: '/static/js/missing.0123456789abcdef.js' }));
  });

  it('writes one line for each of several requests in a row, each under its own id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await fetch(`${server.url}/healthz`);
      await res.arrayBuffer();
      ids.push(res.headers.get('x-request-id')!);
    }
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(await requestLinesFor(server, id)).toHaveLength(1);
  });

  describe('request id', () => {
    it('echoes a sane incoming X-Request-ID and logs the request under it', async () => {
      const given = 'edge-7f3a.9b:lb@eu-west-1';
      const res = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-ID': given } });
      await res.arrayBuffer();
      expect(res.headers.get('x-request-id')).toBe(given);
      expect(await requestLinesFor(server, given)).toHaveLength(1);
    });

    it('accepts an id of exactly 128 characters', async () => {
      const given = 'a'.repeat(128);
      const res = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-ID': given } });
      await res.arrayBuffer();
      expect(res.headers.get('x-request-id')).toBe(given);
    });

    it.each([
      ['too long (129 characters)', 'a'.repeat(129)],
      ['with a space inside', 'abc def'],
      ['with markup', '<script>alert(1)</script>'],
      ['with a quote', 'abc"def'],
    ])('replaces an id %s with a generated UUID, echoed and logged', async (_name, given) => {
      const res = await fetch(`${server.url}/healthz`, { headers: { 'X-Request-ID': given } });
      await res.arrayBuffer();
      const echoed = res.headers.get('x-request-id')!;
      expect(echoed).toMatch(UUID);
      expect(await requestLinesFor(server, echoed)).toHaveLength(1);
      expect(JSON.stringify(server.logs)).not.toContain(given);
    });

    it('generates a UUID when none is given, echoes it and logs under it; a new one per request', async () => {
      const first = await fetch(`${server.url}/healthz`);
      await first.arrayBuffer();
      const second = await fetch(`${server.url}/healthz`);
      await second.arrayBuffer();
      const [a, b] = [first.headers.get('x-request-id')!, second.headers.get('x-request-id')!];
      expect(a).toMatch(UUID);
      expect(b).toMatch(UUID);
      expect(a).not.toBe(b);
      expect(await requestLinesFor(server, a)).toHaveLength(1);
    });
  });
});

// Node's HTTP parser already refuses a header with a raw newline (400 before any
// handler runs), so this guard can only be reached directly: it is defence in depth.
describe('requestIdOf', () => {
  const withRequestId = (value: string) => {
    const req = new IncomingMessage(new Socket());
    req.headers['x-request-id'] = value;
    return req;
  };

  it.each([
    ['a newline', 'abc\ninjected'],
    ['a carriage return and newline', 'abc\r\n{"level":"fatal"}'],
    ['a trailing newline', 'abc\n'],
    ['a tab', 'abc\tdef'],
    ['nothing at all', ''],
  ])('replaces an id with %s by a UUID', (_name, value) => {
    expect(requestIdOf(withRequestId(value), createRequestIds())).toMatch(UUID);
  });

  it('keeps a sane id as it is', () => {
    expect(requestIdOf(withRequestId('req-42'), createRequestIds())).toBe('req-42');
  });
});
