import type { KeyValueStore } from '../../../src/server/store/KeyValueStore';
import { openRedisStore } from '../../../src/server/store/openRedisStore';
import { openSqliteStore } from '../../../src/server/store/openSqliteStore';
import { describeWithRedis, startRedis, type TestRedis } from '../../../src/testing/startRedis';
import { startTestServer, type TestServer } from '../../support/startTestServer';

const TOKEN = 'correct-horse-battery-staple';

const OVERFLOW = 'Incrementing "counter" would overflow: its value is already 9223372036854775807, the largest signed 64-bit integer. Set it to a smaller value, or delete it to count from 0.';
const NOT_AN_INTEGER =
  'The value of "counter" is not an integer (or is out of range), so it cannot be incremented. ' +
  'Set it to a whole number from -9223372036854775808 to 9223372036854775807, written plainly (no "+", leading zeros or spaces), or delete it to count from 0.';

/** POST /api/admin/kv/counter/incr with the stored value set first; the status and the parsed body. */
async function incrementFrom(server: TestServer, value: string): Promise<{ status: number; body: unknown }> {
  const headers = { Authorization: `Bearer ${TOKEN}` };
  expect((await fetch(`${server.url}/api/admin/kv/counter`, { method: 'PUT', body: value, headers })).status).toBe(200);
  const res = await fetch(`${server.url}/api/admin/kv/counter/incr`, { method: 'POST', headers });
  return { status: res.status, body: await res.json() };
}

/** The admin API's INCR over HTTP, on one store: exact values, the wire format, and 409 at both ends of the 64-bit range. */
function incrementsOverHttp(open: () => Promise<KeyValueStore>): void {
  let server: TestServer;
  beforeEach(async () => {
    server = await startTestServer({ adminToken: TOKEN, store: await open() });
  });
  afterEach(() => server.close());

  it('a result within ±(2^53 - 1) is a JSON number: 2^53 - 2 gives 9007199254740991', async () => {
    expect(await incrementFrom(server, '9007199254740990')).toEqual({ status: 200, body: { key: 'counter', value: 9007199254740991 } });
  });

  it('a result past 2^53 - 1 is a decimal string, exact: 2^53 - 1 gives "9007199254740992"', async () => {
    expect(await incrementFrom(server, '9007199254740991')).toEqual({ status: 200, body: { key: 'counter', value: '9007199254740992' } });
  });

  it('2^63 - 2 gives "9223372036854775807", exact', async () => {
    expect(await incrementFrom(server, '9223372036854775806')).toEqual({ status: 200, body: { key: 'counter', value: '9223372036854775807' } });
  });

  it('-2^63 gives "-9223372036854775807", exact', async () => {
    expect(await incrementFrom(server, '-9223372036854775808')).toEqual({ status: 200, body: { key: 'counter', value: '-9223372036854775807' } });
  });

  it('at the upper bound, 2^63 - 1, is 409 saying it would overflow, and the value is kept', async () => {
    expect(await incrementFrom(server, '9223372036854775807')).toEqual({ status: 409, body: { error: OVERFLOW, requestId: expect.any(String) } });
    const kept = await fetch(`${server.url}/api/admin/kv/counter`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(await kept.json()).toEqual({ key: 'counter', value: '9223372036854775807' });
  });

  it.each([
    ['2^63, one past the upper bound', '9223372036854775808'],
    ['-2^63 - 1, one past the lower bound', '-9223372036854775809'],
    ['"-0"', '-0'],
    ['"007"', '007'],
  ])('%s is 409 saying it is not an integer or out of range', async (_name, value) => {
    expect(await incrementFrom(server, value)).toEqual({ status: 409, body: { error: NOT_AN_INTEGER, requestId: expect.any(String) } });
  });
}

describe('the admin API’s incr on SQLite', () => {
  incrementsOverHttp(async () => openSqliteStore(':memory:'));
});

describeWithRedis('the admin API’s incr on Redis', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.stop());
  incrementsOverHttp(async () => {
    await redis.command('FLUSHALL');
    return openRedisStore({ url: redis.url });
  });
});
