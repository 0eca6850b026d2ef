import type { IncomingMessage } from 'node:http';
import type { Answer, RouteSpec } from '../../config/AppManifest';
import { json } from '../http/answers';
import { jsonInteger } from '../http/jsonInteger';
import { BodyTooLargeError, readBody } from '../http/readBody';
import { originForm } from '../http/originForm';
import type { KeyValueStore } from '../store/KeyValueStore';
import { createAdminAuth, type AdminAuthOptions } from './createAdminAuth';
import { KV_LIMITS, parseKvRequest, parseMgetBody } from './parseKvRequest';

/** Where the admin key/value API is mounted. */
export const ADMIN_KV_PREFIX = '/api/admin/kv';

/** Options for {@link adminKvRoute}; the limit of failed attempts too ({@link AdminAuthOptions}). */
export interface AdminKvRouteOptions<S> extends AdminAuthOptions {
  /** Picks the store from the app's services. */
  readonly store: (services: S) => KeyValueStore;
  /** Where it is mounted; {@link ADMIN_KV_PREFIX} by default. */
  readonly prefix?: string;
}

/**
 * The admin key/value API, a toolkit route an app mounts with one line of its
 * routes table: behind `Authorization: Bearer <ADMIN_TOKEN>` (compared in
 * constant time; failed attempts limited per client address, see
 * createAdminAuth). With no token configured it does not exist: 404. Values are
 * the raw request body (UTF-8), size-limited; a bad request writes nothing. On
 * its own path, GET scans (`{ cursor, keys }`) and POST is an mget (`{ keys, values }`).
 */
export function adminKvRoute<S>({ store: storeOf, prefix = ADMIN_KV_PREFIX, ...auth }: AdminKvRouteOptions<S>): RouteSpec<{ readonly ADMIN_TOKEN?: string }, S> {
  const refusalFor = createAdminAuth(auth);
  return {
    prefix,
    methods: ['GET', 'PUT', 'DELETE', 'POST'],
    handler: async (req, context): Promise<Answer> => refusalFor(req, context) ?? answerKv(req, storeOf(context.services), prefix),
  };
}

/** One authorized admin request: parse it, do it, answer it. */
async function answerKv(req: IncomingMessage, store: KeyValueStore, prefix: string): Promise<Answer> {
  // The raw target, as the router saw it: `new URL` would resolve dot segments into another key.
  const target = originForm(req.url ?? '/') ?? '/';
  const queryAt = target.indexOf('?');
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const query = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1));
  const parsed = parseKvRequest(req.method ?? 'GET', path, query, headerOf(req, 'if-none-match'), prefix);
  if (!parsed.ok) return json(parsed.status, { error: parsed.error }, parsed.allow ? { Allow: parsed.allow } : {});
  const { operation } = parsed;

  switch (operation.op) {
    case 'get': {
      const value = await store.get(operation.key);
      if (value === null) return json(404, { error: `No key "${operation.key}".` });
      return json(200, { key: operation.key, value });
    }
    case 'delete':
      return (await store.delete(operation.key)) ? json(200, { deleted: true }) : json(404, { error: `No key "${operation.key}".` });
    case 'increment':
      // Past ±(2^53 - 1) the value is a decimal string; NotAnIntegerError and IncrementOverflowError are 409s.
      return json(200, { key: operation.key, value: jsonInteger(await store.increment(operation.key)) });
    case 'scan':
      // A cursor the store did not hand out is its StoreArgumentError: a 400 that says to start from "0".
      return json(200, await store.scan(operation.prefix, { cursor: operation.cursor, count: operation.count }));
    case 'mget': {
      const body = await readText(req, KV_LIMITS.maxMgetBodyBytes, {
        tooLarge: `An mget body is at most ${KV_LIMITS.maxMgetBodyBytes} bytes: send fewer keys per request.`,
        notText: 'The body must be UTF-8 text.',
      });
      if (typeof body !== 'string') return body;
      const request = parseMgetBody(body);
      if (!request.ok) return json(400, { error: request.error });
      return json(200, { keys: request.keys, values: await store.mget(request.keys) });
    }
    case 'set': {
      const value = await readText(req, KV_LIMITS.maxValueBytes, { tooLarge: `Values are at most ${KV_LIMITS.maxValueBytes} bytes.`, notText: 'The value must be UTF-8 text.' });
      if (typeof value !== 'string') return value;
      if (operation.onlyIfAbsent) {
        const written = await store.setIfAbsent(operation.key, value, operation.ttlMs);
        return written ? json(201, { key: operation.key, created: true }) : json(412, { error: `The key "${operation.key}" already exists.` });
      }
      await store.set(operation.key, value, operation.ttlMs);
      return json(200, { key: operation.key, stored: true });
    }
  }
}

/** The body as UTF-8 text, or the 413 or 400 that refuses it, with the message given for each. */
async function readText(req: IncomingMessage, maxBytes: number, refusals: { readonly tooLarge: string; readonly notText: string }): Promise<string | Answer> {
  let body: Buffer;
  try {
    body = await readBody(req, maxBytes);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return json(413, { error: refusals.tooLarge });
    throw error;
  }
  const text = body.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(body)) return json(400, { error: refusals.notText });
  return text;
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
