import { KV_LIMITS, parseKvRequest, parseMgetBody, type KvOperation } from '../../../src/server/api/parseKvRequest';

const PREFIX = '/api/admin/kv';

/** Parses a request the way the admin route does: the raw path (dot segments kept) and query, If-None-Match as sent. */
function parse(method: string, target: string, ifNoneMatch?: string) {
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  return parseKvRequest(method, path, new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1)), ifNoneMatch, PREFIX);
}

describe('parseKvRequest', () => {
  describe('methods and paths to operations', () => {
    it.each<[string, string, string | undefined, KvOperation]>([
      ['GET', '/api/admin/kv/greeting', undefined, { op: 'get', key: 'greeting' }],
      ['DELETE', '/api/admin/kv/greeting', undefined, { op: 'delete', key: 'greeting' }],
      ['PUT', '/api/admin/kv/greeting', undefined, { op: 'set', key: 'greeting', onlyIfAbsent: false }],
      ['PUT', '/api/admin/kv/greeting?ttl=60', undefined, { op: 'set', key: 'greeting', onlyIfAbsent: false, ttlMs: 60_000 }],
      ['PUT', '/api/admin/kv/lock', '*', { op: 'set', key: 'lock', onlyIfAbsent: true }],
      ['PUT', '/api/admin/kv/lock?ttl=30', ' * ', { op: 'set', key: 'lock', onlyIfAbsent: true, ttlMs: 30_000 }],
      ['POST', '/api/admin/kv/visits/incr', undefined, { op: 'increment', key: 'visits' }],
      ['POST', '/api/admin/kv/users/42/visits/incr', undefined, { op: 'increment', key: 'users/42/visits' }],
      ['GET', '/api/admin/kv/user:42.name-first_x/y', undefined, { op: 'get', key: 'user:42.name-first_x/y' }],
      ['GET', '/api/admin/kv/user%3A42', undefined, { op: 'get', key: 'user:42' }],
      ['GET', '/api/admin/kv/a%2Fincr', undefined, { op: 'get', key: 'a/incr' }],
      ['GET', '/api/admin/kv/lock', '*', { op: 'get', key: 'lock' }],
    ])('%s %s (If-None-Match: %j)', (method, target, ifNoneMatch, operation) => {
      expect(parse(method, target, ifNoneMatch)).toStrictEqual({ ok: true, operation });
    });
  });

  describe('If-None-Match', () => {
    it.each(['"abc"', 'W/"abc"', '"*"', '', '*, "abc"'])('PUT with If-None-Match %j is a 400 that says only "*" is supported', (value) => {
      expect(parse('PUT', '/api/admin/kv/k', value)).toEqual({ ok: false, status: 400, error: expect.stringMatching(/only supported as "\*"/) });
    });
  });

  describe('ttl', () => {
    it.each(['1', '3600', String(KV_LIMITS.maxTtlSeconds)])('ttl=%s is accepted, in seconds', (ttl) => {
      expect(parse('PUT', `/api/admin/kv/k?ttl=${ttl}`)).toMatchObject({ ok: true, operation: { ttlMs: Number(ttl) * 1000 } });
    });

    it.each(['0', '-1', '1.5', '1e3', 'soon', '', '%205', String(KV_LIMITS.maxTtlSeconds + 1), '99999999999999999999'])(
      'ttl=%s is a 400 that gives the range',
      (ttl) => {
        expect(parse('PUT', `/api/admin/kv/k?ttl=${ttl}`)).toEqual({ ok: false, status: 400, error: `ttl must be a whole number of seconds from 1 to ${KV_LIMITS.maxTtlSeconds}.` });
      },
    );
  });

  describe('keys', () => {
    const keyError = { ok: false, status: 400, error: expect.stringMatching(/^Keys are 1 to 256 bytes of letters, digits and _ : \. - \/, with no "\." or "\.\." segment\.$/) };

    it('a key of exactly 256 bytes is accepted', () => {
      const key = 'k'.repeat(KV_LIMITS.maxKeyBytes);
      expect(parse('GET', `/api/admin/kv/${key}`)).toStrictEqual({ ok: true, operation: { op: 'get', key } });
    });

    it.each([
      ['an empty key', '/api/admin/kv/'],
      ['an empty key before /incr', '/api/admin/kv//incr'],
      ['a key over 256 bytes', `/api/admin/kv/${'k'.repeat(KV_LIMITS.maxKeyBytes + 1)}`],
      ['a space', '/api/admin/kv/has%20space'],
      ['a star', '/api/admin/kv/a*b'],
      ['a question mark, encoded', '/api/admin/kv/a%3Fb'],
      ['a NUL byte', '/api/admin/kv/a%00b'],
      ['non-ASCII letters', `/api/admin/kv/${encodeURIComponent('ключ')}`],
      ['a ".." segment', '/api/admin/kv/../kvfoo/bar'],
      ['an encoded ".." segment', '/api/admin/kv/a/%2e%2e/b'],
      ['a "." segment', '/api/admin/kv/a/./b'],
    ])('%s is a 400 that says what keys may hold', (_name, target) => {
      expect(parse('GET', target)).toEqual(keyError);
    });

    it('a key over 256 bytes is refused on increment too', () => {
      expect(parse('POST', `/api/admin/kv/${'k'.repeat(KV_LIMITS.maxKeyBytes + 1)}/incr`)).toEqual(keyError);
    });

    it.each(['%', '%zz', '%E0%A4%A', '%C3', '%FF'])('bad percent-encoding %s is a 400 that says so', (encoded) => {
      expect(parse('GET', `/api/admin/kv/key${encoded}`)).toEqual({ ok: false, status: 400, error: 'The key is not valid percent-encoding.' });
    });
  });

  describe("the API's own path: GET scans, POST is an mget", () => {
    it.each<[string, string, KvOperation]>([
      ['GET', '/api/admin/kv', { op: 'scan', prefix: '', cursor: '0', count: 100 }],
      ['GET', '/api/admin/kv?prefix=acc:&cursor=kYWNjOjE&count=1000', { op: 'scan', prefix: 'acc:', cursor: 'kYWNjOjE', count: 1000 }],
      ['GET', '/api/admin/kv?prefix=a%2A%5B%3F&count=1', { op: 'scan', prefix: 'a*[?', cursor: '0', count: 1 }],
      ['GET', `/api/admin/kv?prefix=${'p'.repeat(KV_LIMITS.maxKeyBytes)}`, { op: 'scan', prefix: 'p'.repeat(KV_LIMITS.maxKeyBytes), cursor: '0', count: 100 }],
      ['POST', '/api/admin/kv', { op: 'mget' }],
    ])('%s %s', (method, target, operation) => {
      expect(parse(method, target)).toStrictEqual({ ok: true, operation });
    });

    it.each([
      ['count=0', /^count must be a whole number from 1 to 1000, the keys a page should hold; follow the cursor for more\.$/],
      ['count=1001', /^count must be a whole number from 1 to 1000/],
      ['count=1.5', /^count must be a whole number from 1 to 1000/],
      ['count=ten', /^count must be a whole number from 1 to 1000/],
      ['count=', /^count must be a whole number from 1 to 1000/],
      ['cursor=', /^cursor must be "0" to start a scan, then the cursor the last page answered\.$/],
      [`prefix=${'p'.repeat(KV_LIMITS.maxKeyBytes + 1)}`, /^prefix must be at most 256 bytes\.$/],
      ['match=acc:*', /^A scan takes the query parameters prefix, cursor and count \(got "match"\)\.$/],
    ])('GET /api/admin/kv?%s is a 400 that says what to send', (query, message) => {
      expect(parse('GET', `/api/admin/kv?${query}`)).toEqual({ ok: false, status: 400, error: expect.stringMatching(message) });
    });

    it.each(['PUT', 'DELETE', 'PATCH'])('%s /api/admin/kv is a 405 that allows GET, POST', (method) => {
      expect(parse(method, '/api/admin/kv')).toEqual({ ok: false, status: 405, error: expect.stringMatching(/^Use GET to scan keys/), allow: 'GET, POST' });
    });
  });

  describe('parseMgetBody', () => {
    it('reads {"keys": [...]}, in order, repeats kept, any characters', () => {
      expect(parseMgetBody('{"keys": ["b", "a", "b", "with space*"]}')).toStrictEqual({ ok: true, keys: ['b', 'a', 'b', 'with space*'] });
    });

    it('takes 1000 keys of 256 bytes', () => {
      const keys = Array.from({ length: 1000 }, (_, i) => String(i).padStart(KV_LIMITS.maxKeyBytes, 'k'));
      expect(parseMgetBody(JSON.stringify({ keys }))).toStrictEqual({ ok: true, keys });
    });

    const expected = 'Send {"keys": ["a", "b"]}: 1 to 1000 keys, each a string of 1 to 256 bytes';
    it.each([
      ['not JSON', '{keys: [a]}', `The body is not JSON. ${expected}.`],
      ['a list alone', '["a"]', `${expected} (got no "keys" list).`],
      ['null', 'null', `${expected} (got no "keys" list).`],
      ['keys that are not a list', '{"keys": "a"}', `${expected} (got no "keys" list).`],
      ['no keys', '{"keys": []}', `${expected} (got 0 keys).`],
      ['1001 keys', JSON.stringify({ keys: Array.from({ length: 1001 }, (_, i) => `k${i}`) }), `${expected} (got 1001 keys).`],
      ['a number among the keys', '{"keys": ["a", 1]}', `${expected} (keys[1] is not).`],
      ['an empty key', '{"keys": [""]}', `${expected} (keys[0] is not).`],
      ['a key of 257 bytes', JSON.stringify({ keys: ['a', 'b', 'k'.repeat(KV_LIMITS.maxKeyBytes + 1)] }), `${expected} (keys[2] is not).`],
    ])('%s is refused with what to send', (_name, body, error) => {
      expect(parseMgetBody(body)).toEqual({ ok: false, error });
    });
  });

  describe('405 with Allow', () => {
    it.each(['POST', 'PATCH', 'HEAD', 'OPTIONS'])('%s on a key is a 405 that allows GET, PUT, DELETE', (method) => {
      expect(parse(method, '/api/admin/kv/k')).toEqual({ ok: false, status: 405, error: expect.stringMatching(/GET, PUT or DELETE/), allow: 'GET, PUT, DELETE' });
    });

    it.each(['GET', 'PUT', 'DELETE'])('%s on <key>/incr is a 405 that allows POST', (method) => {
      expect(parse(method, '/api/admin/kv/k/incr')).toEqual({ ok: false, status: 405, error: 'Use POST to increment.', allow: 'POST' });
    });
  });
});
