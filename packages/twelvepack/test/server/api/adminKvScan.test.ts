import { KV_LIMITS } from '../../../src/server/api/parseKvRequest';
import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';
import { startTestServer, type TestServer } from '../../support/startTestServer';

const TOKEN = 'correct-horse-battery-staple';
const KEYS = ['acc:1', 'acc:2', 'acc:10', 'acc:3:name', 'acc:4', 'acc', 'accx:1', 'other:acc:1'];
const UNDER_ACC = ['acc:1', 'acc:10', 'acc:2', 'acc:3:name', 'acc:4'];

/** A request to the admin API's own path (`/api/admin/kv`, then `rest`) with the right token unless headers say otherwise. */
function admin(server: TestServer, rest: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}/api/admin/kv${rest}`, { ...init, headers: { Authorization: `Bearer ${TOKEN}`, ...init.headers } });
}

const mget = (server: TestServer, body: string) => admin(server, '', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

/** GET /api/admin/kv?prefix=…&count=…, page by page until the cursor is "0": every answer and every key seen. */
async function scanOverHttp(server: TestServer, prefix: string, count: number): Promise<{ answers: unknown[]; keys: string[] }> {
  const answers: unknown[] = [];
  const keys: string[] = [];
  let cursor = '0';
  do {
    const res = await admin(server, `?prefix=${encodeURIComponent(prefix)}&count=${count}&cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = (await res.json()) as { cursor: string; keys: string[] };
    answers.push(page);
    keys.push(...page.keys);
    cursor = page.cursor;
  } while (cursor !== '0');
  return { answers, keys };
}

/** Scan and mget over HTTP, on one store. */
function scansOverHttp(open: () => Promise<KeyValueStore>): void {
  let server: TestServer;
  beforeEach(async () => {
    const store = await open();
    for (const key of KEYS) await store.set(key, `value of ${key}`);
    server = await startTestServer({ adminToken: TOKEN, store });
  });
  afterEach(() => server.close());

  it('GET /api/admin/kv?prefix=acc:&count=2, followed cursor by cursor to "0", answers { cursor, keys } pages holding exactly the keys under acc:', async () => {
    const { answers, keys } = await scanOverHttp(server, 'acc:', 2);
    // fetch builds its JSON in Node's own realm, where jest's expect.any(Array) does not see an Array.
    for (const answer of answers) expect(Object.entries(answer as object).map(([name, value]) => [name, typeof value, Array.isArray(value)])).toEqual([['cursor', 'string', false], ['keys', 'object', true]]);
    expect([...new Set(keys)].sort()).toEqual(UNDER_ACC);
  });

  it('GET /api/admin/kv with no prefix pages through every key', async () => {
    const { keys } = await scanOverHttp(server, '', 1000);
    expect([...new Set(keys)].sort()).toEqual([...KEYS].sort());
  });

  it('POST /api/admin/kv {"keys": [...]} answers { keys, values }: in order, null for an absent key', async () => {
    const res = await mget(server, JSON.stringify({ keys: ['acc:2', 'absent', 'acc', 'acc:2'] }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ keys: ['acc:2', 'absent', 'acc', 'acc:2'], values: ['value of acc:2', null, 'value of acc', 'value of acc:2'] });
  });

  it('a cursor the store did not hand out is 400, saying to start from "0"', async () => {
    const res = await admin(server, '?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/^"not-a-cursor" is not a cursor of this (SQLite|Redis) store: start a scan with cursor "0"/), requestId: expect.any(String) });
  });
}

describe('scan and mget in the admin key/value API on SQLite', () => {
  scansOverHttp(async () => openSqliteStore(':memory:'));
});

describeWithRedis('scan and mget in the admin key/value API on Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  scansOverHttp(async () => {
    await redis.command('FLUSHALL');
    return openRedisStore({ url: redis.url });
  });
});

describe('scan and mget in the admin key/value API: refusals', () => {
  let store: KeyValueStore;
  let server: TestServer;
  beforeEach(async () => {
    store = openSqliteStore(':memory:');
    server = await startTestServer({ adminToken: TOKEN, store });
  });
  afterEach(() => server.close());

  it.each([
    ['GET', undefined],
    ['POST', '{"keys": ["a"]}'],
  ])('%s /api/admin/kv without the token is 401, like every admin request', async (method, body) => {
    const res = await fetch(`${server.url}/api/admin/kv`, { method, ...(body === undefined ? {} : { body }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="admin"');
  });

  it('a prefix with glob characters is matched literally', async () => {
    for (const key of ['a*1', 'ab1', 'a1']) await store.set(key, 'x');
    expect(await (await admin(server, `?prefix=${encodeURIComponent('a*')}`)).json()).toEqual({ cursor: '0', keys: ['a*1'] });
  });

  it.each([
    ['?count=5000', /^count must be a whole number from 1 to 1000/],
    ['?count=0', /^count must be a whole number from 1 to 1000/],
    ['?match=acc:*', /^A scan takes the query parameters prefix, cursor and count \(got "match"\)\.$/],
    ['?cursor=', /^cursor must be "0" to start a scan/],
  ])('GET /api/admin/kv%s is 400 with what to send', async (query, message) => {
    const res = await admin(server, query);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
  });

  it.each([
    ['a body that is not JSON', 'keys=a', /^The body is not JSON\. Send \{"keys": \["a", "b"\]\}/],
    ['no keys', '{"keys": []}', /\(got 0 keys\)\.$/],
    ['1001 keys', JSON.stringify({ keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) }), /\(got 1001 keys\)\.$/],
  ])('an mget with %s is 400 with what to send', async (_name, body, message) => {
    const res = await mget(server, body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(message) });
  });

  it('an mget body that is not UTF-8 is 400', async () => {
    const res = await admin(server, '', { method: 'POST', body: new Uint8Array([0x7b, 0xff, 0x7d]) });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'The body must be UTF-8 text.' });
  });

  it(`an mget body over ${KV_LIMITS.maxMgetBodyBytes} bytes is 413`, async () => {
    const res = await mget(server, JSON.stringify({ keys: ['a'], padding: 'p'.repeat(KV_LIMITS.maxMgetBodyBytes) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `An mget body is at most ${KV_LIMITS.maxMgetBodyBytes} bytes: send fewer keys per request.` });
  });

  it('PUT /api/admin/kv is 405 with Allow: GET, POST', async () => {
    const res = await admin(server, '', { method: 'PUT', body: 'v' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, POST');
  });
});

describe('scan and mget in the admin key/value API with no ADMIN_TOKEN configured', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ store: openSqliteStore(':memory:') });
  });
  afterAll(() => server.close());

  it.each(['GET', 'POST'])('%s /api/admin/kv is 404, even with a bearer token', async (method) => {
    const res = await fetch(`${server.url}/api/admin/kv`, { method, headers: { Authorization: `Bearer ${TOKEN}` }, ...(method === 'POST' ? { body: '{"keys":["a"]}' } : {}) });
    expect(res.status).toBe(404);
  });
});
