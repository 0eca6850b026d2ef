import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Route } from '../http/createRequestHandler';
import { BodyTooLargeError, readBody } from '../http/readBody';
import { sendJson } from '../http/sendJson';
import { originForm } from '../static/resolveRequestPath';
import type { KeyValueStore } from '../store/KeyValueStore';
import { KV_LIMITS, parseKvRequest } from './parseKvRequest';

/** Where the admin key/value API is mounted. */
export const ADMIN_KV_PREFIX = '/api/admin/kv';

/**
 * The admin key/value API, behind `Authorization: Bearer <ADMIN_TOKEN>`
 * (compared in constant time). With no token configured it does not exist: 404.
 * Values are the raw request body (UTF-8), size-limited; a bad request writes nothing.
 */
export function createAdminKvRoute(store: KeyValueStore, adminToken: string | undefined): Route {
  const expected = adminToken === undefined || adminToken === '' ? undefined : digest(adminToken);
  return async (req, res) => {
    if (expected === undefined) return sendJson(res, 404, { error: 'Not Found' });
    if (!isAuthorized(req, expected)) {
      return sendJson(res, 401, { error: 'Send Authorization: Bearer <ADMIN_TOKEN>.' }, { 'WWW-Authenticate': 'Bearer realm="admin"' });
    }
    // The raw target, as the router saw it: `new URL` would resolve dot segments into another key.
    const target = originForm(req.url ?? '/') ?? '/';
    const queryAt = target.indexOf('?');
    const path = queryAt === -1 ? target : target.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
    const parsed = parseKvRequest(req.method ?? 'GET', path, query, headerOf(req, 'if-none-match'), ADMIN_KV_PREFIX);
    if (!parsed.ok) return sendJson(res, parsed.status, { error: parsed.error }, parsed.allow ? { Allow: parsed.allow } : {});
    const { operation } = parsed;

    switch (operation.op) {
      case 'get': {
        const value = await store.get(operation.key);
        if (value === null) return sendJson(res, 404, { error: `No key "${operation.key}".` });
        return sendJson(res, 200, { key: operation.key, value });
      }
      case 'delete':
        return (await store.delete(operation.key)) ? sendJson(res, 200, { deleted: true }) : sendJson(res, 404, { error: `No key "${operation.key}".` });
      case 'increment':
        return sendJson(res, 200, { key: operation.key, value: await store.increment(operation.key) });
      case 'set': {
        let body: Buffer;
        try {
          body = await readBody(req, KV_LIMITS.maxValueBytes);
        } catch (error) {
          if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: `Values are at most ${KV_LIMITS.maxValueBytes} bytes.` });
          throw error;
        }
        const value = body.toString('utf8');
        if (!Buffer.from(value, 'utf8').equals(body)) return sendJson(res, 400, { error: 'The value must be UTF-8 text.' });
        if (operation.onlyIfAbsent) {
          const written = await store.setIfAbsent(operation.key, value, operation.ttlMs);
          return written ? sendJson(res, 201, { key: operation.key, created: true }) : sendJson(res, 412, { error: `The key "${operation.key}" already exists.` });
        }
        await store.set(operation.key, value, operation.ttlMs);
        return sendJson(res, 200, { key: operation.key, stored: true });
      }
    }
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Hashing both sides first gives equal lengths, so timingSafeEqual compares in constant time. */
function isAuthorized(req: IncomingMessage, expected: Buffer): boolean {
  const match = /^Bearer\s+(.+)$/i.exec(headerOf(req, 'authorization') ?? '');
  return match !== null && timingSafeEqual(digest(match[1]!.trim()), expected);
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
