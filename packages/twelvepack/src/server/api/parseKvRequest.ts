import { STORE_LIMITS } from '../store/KeyValueStore';

/** Limits on the admin key/value API; a scan's count and an mget's keys are the store's (STORE_LIMITS). */
export const KV_LIMITS = { maxKeyBytes: 256, maxValueBytes: 64 * 1024, maxTtlSeconds: 60 * 60 * 24 * 365, maxMgetBodyBytes: 512 * 1024 } as const;

const KEY = /^[\w:.\-/]+$/;

/** The operation a request to /api/admin/kv/... asks for. */
export type KvOperation =
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'set'; readonly key: string; readonly onlyIfAbsent: boolean; readonly ttlMs?: number }
  | { readonly op: 'delete'; readonly key: string }
  | { readonly op: 'increment'; readonly key: string }
  | { readonly op: 'scan'; readonly prefix: string; readonly cursor: string; readonly count: number }
  | { readonly op: 'mget' };

/** A parsed operation, or a 400/405 with a message that says what to send instead. */
export type ParsedKv = { readonly ok: true; readonly operation: KvOperation } | { readonly ok: false; readonly status: 400 | 405; readonly error: string; readonly allow?: string };

/**
 * Reads method, path and headers of an admin request. Pure:
 * `GET|PUT|DELETE /api/admin/kv/<key>` (PUT with `If-None-Match: *` is SETNX,
 * `?ttl=<seconds>` sets an expiry), `POST /api/admin/kv/<key>/incr`, and on the
 * API's own path `GET /api/admin/kv?prefix=&cursor=&count=` (SCAN) and
 * `POST /api/admin/kv` (MGET, its keys in the body: see {@link parseMgetBody}).
 */
export function parseKvRequest(method: string, path: string, query: URLSearchParams, ifNoneMatch: string | undefined, prefix: string): ParsedKv {
  if (path === prefix) return parseCollectionRequest(method, query);
  let rest = path.slice(prefix.length).replace(/^\//, '');
  const isIncrement = rest.endsWith('/incr');
  if (isIncrement) rest = rest.slice(0, -'/incr'.length);
  let key: string;
  try {
    key = decodeURIComponent(rest);
  } catch {
    return { ok: false, status: 400, error: 'The key is not valid percent-encoding.' };
  }
  const dotSegment = key.split('/').some((segment) => segment === '.' || segment === '..');
  if (key === '' || Buffer.byteLength(key) > KV_LIMITS.maxKeyBytes || !KEY.test(key) || dotSegment) {
    return { ok: false, status: 400, error: `Keys are 1 to ${KV_LIMITS.maxKeyBytes} bytes of letters, digits and _ : . - /, with no "." or ".." segment.` };
  }
  if (isIncrement) {
    return method === 'POST' ? { ok: true, operation: { op: 'increment', key } } : { ok: false, status: 405, error: 'Use POST to increment.', allow: 'POST' };
  }
  if (method === 'GET') return { ok: true, operation: { op: 'get', key } };
  if (method === 'DELETE') return { ok: true, operation: { op: 'delete', key } };
  if (method !== 'PUT') return { ok: false, status: 405, error: 'Use GET, PUT or DELETE on a key, or POST to <key>/incr.', allow: 'GET, PUT, DELETE' };

  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
    return { ok: false, status: 400, error: 'If-None-Match is only supported as "*" (write only if the key is absent).' };
  }
  const ttl = query.get('ttl');
  if (ttl !== null && !(/^\d+$/.test(ttl) && Number(ttl) >= 1 && Number(ttl) <= KV_LIMITS.maxTtlSeconds)) {
    return { ok: false, status: 400, error: `ttl must be a whole number of seconds from 1 to ${KV_LIMITS.maxTtlSeconds}.` };
  }
  return { ok: true, operation: { op: 'set', key, onlyIfAbsent: ifNoneMatch !== undefined, ...(ttl === null ? {} : { ttlMs: Number(ttl) * 1000 }) } };
}

/** The API's own path: GET scans, POST is an mget. */
function parseCollectionRequest(method: string, query: URLSearchParams): ParsedKv {
  if (method === 'POST') return { ok: true, operation: { op: 'mget' } };
  if (method !== 'GET') {
    return { ok: false, status: 405, error: 'Use GET to scan keys (?prefix=&cursor=&count=), or POST {"keys": [...]} to read many values.', allow: 'GET, POST' };
  }
  const unknown = [...query.keys()].find((name) => !SCAN_PARAMETERS.includes(name));
  if (unknown !== undefined) return { ok: false, status: 400, error: `A scan takes the query parameters prefix, cursor and count (got "${unknown}").` };
  const prefix = query.get('prefix') ?? '';
  if (Buffer.byteLength(prefix) > KV_LIMITS.maxKeyBytes) return { ok: false, status: 400, error: `prefix must be at most ${KV_LIMITS.maxKeyBytes} bytes.` };
  const cursor = query.get('cursor') ?? '0';
  if (cursor === '') return { ok: false, status: 400, error: 'cursor must be "0" to start a scan, then the cursor the last page answered.' };
  const count = query.get('count') ?? String(STORE_LIMITS.scanDefaultCount);
  if (!(/^\d+$/.test(count) && Number(count) >= 1 && Number(count) <= STORE_LIMITS.scanMaxCount)) {
    return { ok: false, status: 400, error: `count must be a whole number from 1 to ${STORE_LIMITS.scanMaxCount}, the keys a page should hold; follow the cursor for more.` };
  }
  return { ok: true, operation: { op: 'scan', prefix, cursor, count: Number(count) } };
}

const SCAN_PARAMETERS = ['prefix', 'cursor', 'count'];

/** The keys of an mget body, or what to send instead. */
export type ParsedMget = { readonly ok: true; readonly keys: string[] } | { readonly ok: false; readonly error: string };

/** Reads the body of `POST /api/admin/kv`: `{"keys": [...]}`, 1 to STORE_LIMITS.mgetMaxKeys keys of 1 to 256 bytes each. Pure. */
export function parseMgetBody(body: string): ParsedMget {
  const expected = `Send {"keys": ["a", "b"]}: 1 to ${STORE_LIMITS.mgetMaxKeys} keys, each a string of 1 to ${KV_LIMITS.maxKeyBytes} bytes`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return { ok: false, error: `The body is not JSON. ${expected}.` };
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0 || keys.length > STORE_LIMITS.mgetMaxKeys) {
    const got = Array.isArray(keys) ? `${keys.length} keys` : 'no "keys" list';
    return { ok: false, error: `${expected} (got ${got}).` };
  }
  const bad = keys.findIndex((key) => typeof key !== 'string' || key === '' || Buffer.byteLength(key) > KV_LIMITS.maxKeyBytes);
  if (bad !== -1) return { ok: false, error: `${expected} (keys[${bad}] is not).` };
  return { ok: true, keys: keys as string[] };
}
