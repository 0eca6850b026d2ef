import { startTestServer, type TestServer } from '../../support/startTestServer';
import { builtAssets, type BuiltAssets } from '../static/builtAssets';
import { sendRawRequest } from '../static/sendRawRequest';

/**
 * The static files write their headers in one `writeHead` (the fast path), so
 * the pipeline's per-request headers and the log's byte count travel another
 * way than for the API routes. These specs hold every kind of static answer to
 * the same contract as the API: the request id echoed, exactly one request line
 * under it, with the status and the body bytes the client really received.
 */
describe('static answers: request id, one log line, exact bytes', () => {
  let server: TestServer;
  let assets: BuiltAssets;
  beforeAll(() => {
    assets = builtAssets();
  });
  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
  });

  const linesFor = async (requestId: string) => {
    // Synchronous answers are logged before the response is flushed; allow one turn anyway.
    await new Promise((resolve) => setImmediate(resolve));
    return server.logs.filter((line) => line.msg === 'request' && line.requestId === requestId);
  };

  it.each<[string, (a: BuiltAssets) => { method?: string; target: string; headers?: Record<string, string> }, number]>([
    ['a hashed asset as br', (a) => ({ target: `/${a.mainJs}`, headers: { 'Accept-Encoding': 'br, gzip' } }), 200],
    ['a hashed asset as identity', (a) => ({ target: `/${a.mainJs}` }), 200],
    ['a target with a query string', (a) => ({ target: `/${a.mainJs}?v=1` }), 200],
    ['a percent-encoded target', () => ({ target: '/index%2Ehtml' }), 200],
    ['a client route (SPA fallback)', () => ({ target: '/orders/42', headers: { Accept: 'text/html' } }), 200],
    ['HEAD', (a) => ({ method: 'HEAD', target: `/${a.mainJs}` }), 200],
    ['a range', (a) => ({ target: `/${a.mainJs}`, headers: { Range: 'bytes=0-9' } }), 206],
    ['an unsatisfiable range', (a) => ({ target: `/${a.mainJs}`, headers: { Range: 'bytes=999999999-' } }), 416],
    ['a missing file', () => ({ target: '/missing.0123abcd.js' }), 404],
    ['a POST', () => ({ method: 'POST', target: '/index.html' }), 405],
    ['an encoding nobody offers', (a) => ({ target: `/${a.mainJs}`, headers: { 'Accept-Encoding': 'identity;q=0, *;q=0' } }), 406],
  ])('%s', async (_name, request, status) => {
    const res = await sendRawRequest(server.url, request(assets));
    expect(res.status).toBe(status);
    const requestId = res.headers['x-request-id'];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = await linesFor(requestId!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ status, bytes: res.body.length, durationMs: expect.any(Number) });
    expect(lines[0]).not.toHaveProperty('aborted');
  });

  it('a 304: request id echoed, logged once with 0 bytes', async () => {
    const first = await sendRawRequest(server.url, { target: `/${assets.mainJs}` });
    const res = await sendRawRequest(server.url, { target: `/${assets.mainJs}`, headers: { 'If-None-Match': first.headers.etag! } });
    expect(res.status).toBe(304);
    const lines = await linesFor(res.headers['x-request-id']!);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ status: 304, bytes: 0 });
  });

  it('a static answer over HTTPS (trusted proxy) carries HSTS beside its own headers', async () => {
    const trusting = await startTestServer({ trustProxy: true });
    try {
      const res = await sendRawRequest(trusting.url, { target: `/${assets.mainJs}`, headers: { 'X-Forwarded-Proto': 'https' } });
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    } finally {
      await trusting.close();
    }
  });
});
