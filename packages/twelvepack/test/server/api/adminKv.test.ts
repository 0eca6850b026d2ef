import { request } from 'node:http';
import { KV_LIMITS } from '../../../src/server/api/parseKvRequest';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';
import { startTestServer, type TestServer } from '../../support/startTestServer';

const TOKEN = 'correct-horse-battery-staple';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request to the admin API with the right token (unless other headers say otherwise). */
function admin(server: TestServer, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/admin/kv/${path}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, ...init.headers } });
}

describe('the admin key/value API with no ADMIN_TOKEN configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store: openSqliteStore(':memory:') });
  });
  afterAll(() => server.close());

  it.each([
    ['GET', '/api/admin/kv/k'],
    ['PUT', '/api/admin/kv/k'],
    ['DELETE', '/api/admin/kv/k'],
    ['POST', '/api/admin/kv/k/incr'],
    ['GET', '/api/admin/kv'],
    ['GET', '/api/admin/kv/bad%ZZkey'],
  ])('%s %s is 404, even with a bearer token: the API does not exist', async (method, path) => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${TOKEN}` }, ...(method === 'PUT' ? { body: 'v' } : {}) });
    expect(res.status).toBe(404);
    expect(res.headers.get('www-authenticate')).toBeNull();
  });
});

describe('the admin key/value API with an empty ADMIN_TOKEN', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ adminToken: '', store: openSqliteStore(':memory:') });
  });
  afterAll(() => server.close());

  it('is disabled too (404), so an empty bearer token can never match it', async () => {
    expect((await fetch(`${server.url}/api/admin/kv/k`, { headers: { Authorization: 'Bearer ' } })).status).toBe(404);
    expect((await fetch(`${server.url}/api/admin/kv/k`, { method: 'PUT', body: 'v', headers: { Authorization: 'Bearer  ' } })).status).toBe(404);
  });
});

describe('the admin key/value API with ADMIN_TOKEN', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ adminToken: TOKEN, store: openSqliteStore(':memory:') });
  });
  afterEach(() => server.close());

  describe('authorization', () => {
    it('no Authorization header is 401 with WWW-Authenticate: Bearer', async () => {
      const res = await fetch(`${server.url}/api/admin/kv/k`);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
      expect(await res.json()).toEqual({ error: 'Send Authorization: Bearer <ADMIN_TOKEN>.' });
    });

    it.each([
      ['a wrong token', 'Bearer wrong-token'],
      ['a prefix of the right token', `Bearer ${TOKEN.slice(0, -1)}`],
      ['the right token with more after it', `Bearer ${TOKEN}x`],
      ['the right token in another scheme', `Basic ${TOKEN}`],
      ['the right token with no scheme', TOKEN],
      ['an empty bearer token', 'Bearer '],
    ])('%s is 401', async (_name, authorization) => {
      const res = await fetch(`${server.url}/api/admin/kv/k`, { headers: { Authorization: authorization } });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
    });

    it('a refused request writes nothing', async () => {
      expect((await fetch(`${server.url}/api/admin/kv/k`, { method: 'PUT', body: 'sneaky', headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
      expect((await admin(server, 'k')).status).toBe(404);
    });
  });

  describe('with the right token', () => {
    it('PUT stores the body as the value, and GET returns it', async () => {
      const put = await admin(server, 'greeting', { method: 'PUT', body: 'héllo\nwörld' });
      expect(put.status).toBe(200);
      expect(await put.json()).toEqual({ key: 'greeting', stored: true });
      const get = await admin(server, 'greeting');
      expect(get.status).toBe(200);
      expect(get.headers.get('cache-control')).toBe('no-store');
      expect(await get.json()).toEqual({ key: 'greeting', value: 'héllo\nwörld' });
    });

    it('GET of an absent key is 404', async () => {
      const res = await admin(server, 'absent');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'No key "absent".' });
    });

    it('PUT with If-None-Match: * is 201, then 412, and the first value is kept', async () => {
      const first = await admin(server, 'lock', { method: 'PUT', body: 'first', headers: { 'If-None-Match': '*' } });
      expect(first.status).toBe(201);
      expect(await first.json()).toEqual({ key: 'lock', created: true });
      const second = await admin(server, 'lock', { method: 'PUT', body: 'second', headers: { 'If-None-Match': '*' } });
      expect(second.status).toBe(412);
      expect(await second.json()).toEqual({ error: 'The key "lock" already exists.' });
      expect(await (await admin(server, 'lock')).json()).toEqual({ key: 'lock', value: 'first' });
    });

    it('DELETE is 200, then 404', async () => {
      await admin(server, 'doomed', { method: 'PUT', body: 'x' });
      const first = await admin(server, 'doomed', { method: 'DELETE' });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ deleted: true });
      expect((await admin(server, 'doomed', { method: 'DELETE' })).status).toBe(404);
      expect((await admin(server, 'doomed')).status).toBe(404);
    });

    it('POST <key>/incr counts 1, then 2', async () => {
      const first = await admin(server, 'counter/incr', { method: 'POST' });
      expect(first.status).toBe(200);
      expect(await first.json()).toEqual({ key: 'counter', value: 1 });
      expect(await (await admin(server, 'counter/incr', { method: 'POST' })).json()).toEqual({ key: 'counter', value: 2 });
    });

    it('incr on a value that is not an integer is 409 with a message that says so, and the value is kept', async () => {
      await admin(server, 'name', { method: 'PUT', body: 'Ada' });
      const res = await admin(server, 'name/incr', { method: 'POST' });
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/^The value of "name" is not an integer \(or is out of range\), so it cannot be incremented\. Set it to /), requestId: expect.any(String) });
      expect(await (await admin(server, 'name')).json()).toEqual({ key: 'name', value: 'Ada' });
    });

    it(`a value of exactly ${KV_LIMITS.maxValueBytes} bytes is stored`, async () => {
      const value = 'v'.repeat(KV_LIMITS.maxValueBytes);
      expect((await admin(server, 'big', { method: 'PUT', body: value })).status).toBe(200);
      expect(await (await admin(server, 'big')).json()).toEqual({ key: 'big', value });
    });

    it('a value over 64 KiB is 413, and nothing is written', async () => {
      const res = await admin(server, 'big', { method: 'PUT', body: 'v'.repeat(KV_LIMITS.maxValueBytes + 1) });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: `Values are at most ${KV_LIMITS.maxValueBytes} bytes.` });
      expect((await admin(server, 'big')).status).toBe(404);
    });

    it('a value over 64 KiB sent chunked (no Content-Length) is 413 too, and nothing is written', async () => {
      const chunk = new TextEncoder().encode('v'.repeat(16 * 1024));
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 5) controller.close();
          else controller.enqueue(chunk);
          sent += 1;
        },
      });
      const res = await admin(server, 'big', { method: 'PUT', body, duplex: 'half' } as RequestInit);
      expect(res.status).toBe(413);
      expect((await admin(server, 'big')).status).toBe(404);
    });

    it('a body that is not UTF-8 is 400, and nothing is written', async () => {
      const res = await admin(server, 'binary', { method: 'PUT', body: new Uint8Array([0x61, 0xff, 0xfe, 0x62]) });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'The value must be UTF-8 text.' });
      expect((await admin(server, 'binary')).status).toBe(404);
    });

    it('PUT ?ttl=1 stores a value that is gone a second later', async () => {
      expect((await admin(server, 'session?ttl=1', { method: 'PUT', body: 'abc' })).status).toBe(200);
      expect((await admin(server, 'session')).status).toBe(200);
      await sleep(1_300);
      expect((await admin(server, 'session')).status).toBe(404);
    });

    it.each([
      ['a bad ttl', 'k?ttl=0', {}],
      ['If-None-Match other than *', 'k', { 'If-None-Match': '"etag"' }],
    ])('PUT with %s is 400, and nothing is written', async (_name, path, headers: Record<string, string>) => {
      const res = await admin(server, path, { method: 'PUT', body: 'v', headers });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: expect.any(String) });
      expect((await admin(server, 'k')).status).toBe(404);
    });

    it.each([
      ['a key with a space', 'has%20space', /^Keys are 1 to 256 bytes/],
      ['a key with a star', 'a*b', /^Keys are 1 to 256 bytes/],
      ['a key over 256 bytes', 'k'.repeat(KV_LIMITS.maxKeyBytes + 1), /^Keys are 1 to 256 bytes/],
      ['bad percent-encoding in the key', 'bad%E0%A4%Akey', /percent-encoding/],
    ])('%s is 400 with a message that says what keys may be', async (_name, path, message) => {
      const res = await admin(server, path, { method: 'PUT', body: 'v' });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
    });

    // The route is chosen on the raw path; the key must be cut from it too, never from a dot-normalized one.
    it('a path with dot segments is 400, and writes nothing', async () => {
      const store = openSqliteStore(':memory:');
      const dotted = await startTestServer({ adminToken: TOKEN, store });
      try {
        const status = await new Promise<number>((resolve, reject) => {
          const { port } = new URL(dotted.url);
          // Raw http.request, because fetch would resolve the dot segments before sending.
          request({ host: '127.0.0.1', port, method: 'PUT', path: '/api/admin/kv/../kvfoo/bar', headers: { Authorization: `Bearer ${TOKEN}` } }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
            .on('error', reject)
            .end('sneaky');
        });
        expect(status).toBe(400);
        expect(await store.get('foo/bar')).toBeNull();
      } finally {
        await dotted.close();
      }
    });

    it('a method the admin API does not take is 405 with the methods its route declares', async () => {
      const res = await admin(server, 'k', { method: 'PATCH', body: 'v' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, PUT, DELETE, POST, HEAD');
    });

    it('a method the key does not take (POST without /incr) is 405 with the methods a key takes', async () => {
      const res = await admin(server, 'k', { method: 'POST', body: 'v' });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('GET, PUT, DELETE');
    });
  });
});

describe('/api/visits', () => {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ store: openSqliteStore(':memory:') });
  });
  afterEach(() => server.close());

  it('POST counts visits in the store: 1, then 2, and names the store', async () => {
    const first = await fetch(`${server.url}/api/visits`, { method: 'POST' });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(await first.json()).toEqual({ visits: 1, store: 'sqlite' });
    expect(await (await fetch(`${server.url}/api/visits`, { method: 'POST' })).json()).toEqual({ visits: 2, store: 'sqlite' });
  });

  it('GET is 405 with Allow: POST, and counts nothing', async () => {
    const res = await fetch(`${server.url}/api/visits`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await (await fetch(`${server.url}/api/visits`, { method: 'POST' })).json()).toEqual({ visits: 1, store: 'sqlite' });
  });
});

describeWithRedis('/api/visits on Redis through an outage', () => {
  let redis: TestRedis;
  let running = false;
  let server: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    running = true;
    server = await startTestServer({ store: await openRedisStore({ url: redis.url }) });
  });
  beforeEach(async () => {
    if (!running) await redis.start();
    running = true;
  });
  afterAll(async () => {
    await server.close();
    await redis.stop();
  });

  const countVisit = () => fetch(`${server.url}/api/visits`, { method: 'POST' });
  const stopRedis = async () => {
    await redis.stop();
    running = false;
  };

  it('counts in Redis while it is up', async () => {
    await redis.command('FLUSHALL');
    const res = await countVisit();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ visits: 1, store: 'redis' });
    expect(await redis.command('GET', 'twelvepack:visits')).toBe('$1\r\n1\r\n');
  });

  it('while Redis is down, answers 503 with Retry-After and a JSON message that says to try again', async () => {
    await stopRedis();
    const res = await countVisit();
    expect(res.status).toBe(503);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toEqual({ error: 'The store is unavailable right now; try again shortly.', requestId: res.headers.get('x-request-id') });
  }, 5_000);

  it('once Redis is back, answers 200 again without restarting the server', async () => {
    await stopRedis();
    expect((await countVisit()).status).toBe(503);
    await redis.start();
    running = true;
    // The client reconnects with backoff capped at 2 s, so allow a few of those.
    const deadline = Date.now() + 10_000;
    let res = await countVisit();
    while (res.status !== 200 && Date.now() < deadline) {
      await sleep(100);
      res = await countVisit();
    }
    expect(res.status).toBe(200);
    // This redis-server keeps nothing on disk, so the count starts again.
    expect(await res.json()).toEqual({ visits: 1, store: 'redis' });
  }, 15_000);
});
