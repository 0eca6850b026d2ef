/** Limits on the admin key/value API. */
export const KV_LIMITS = { maxKeyBytes: 256, maxValueBytes: 64 * 1024, maxTtlSeconds: 60 * 60 * 24 * 365 } as const;

const KEY = /^[\w:.\-/]+$/;

/** The operation a request to /api/admin/kv/... asks for. */
export type KvOperation =
  | { readonly op: 'get'; readonly key: string }
  | { readonly op: 'set'; readonly key: string; readonly onlyIfAbsent: boolean; readonly ttlMs?: number }
  | { readonly op: 'delete'; readonly key: string }
  | { readonly op: 'increment'; readonly key: string };

/** A parsed operation, or a 400/405 with a message that says what to send instead. */
export type ParsedKv = { readonly ok: true; readonly operation: KvOperation } | { readonly ok: false; readonly status: 400 | 405; readonly error: string; readonly allow?: string };

/**
 * Reads method, path and headers of an admin request. Pure:
 * `GET|PUT|DELETE /api/admin/kv/<key>` (PUT with `If-None-Match: *` is SETNX,
 * `?ttl=<seconds>` sets an expiry) and `POST /api/admin/kv/<key>/incr`.
 */
export function parseKvRequest(method: string, path: string, query: URLSearchParams, ifNoneMatch: string | undefined, prefix: string): ParsedKv {
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
