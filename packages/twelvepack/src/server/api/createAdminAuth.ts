import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Answer, RouteContext } from '../../config/AppManifest';
import { json } from '../http/answers';
import { createRateLimiter } from './createRateLimiter';

/** How the admin API limits failed attempts; every field has a default. */
export interface AdminAuthOptions {
  /** Failed attempts (a wrong or missing token) allowed per client address and window; the next request gets 429 (default 10). */
  readonly maxFailures?: number;
  /** The window, in milliseconds, from an address's first failure (default 60 s). */
  readonly failureWindowMs?: number;
  /** Most client addresses tracked at once; the oldest are forgotten first, so memory stays bounded (default 10,000). */
  readonly maxTrackedAddresses?: number;
  /** The clock; tests pass their own. */
  readonly now?: () => number;
}

/** What {@link createAdminAuth}'s check reads of a request's context. */
export type AdminAuthContext = Pick<RouteContext<{ readonly ADMIN_TOKEN?: string }, unknown>, 'config' | 'clientAddress' | 'requestId' | 'logger'>;

/**
 * The admin API's gate: returns the refusal to send, or undefined when the
 * request carries `Authorization: Bearer <ADMIN_TOKEN>`. No token configured:
 * 404 (the API does not exist). An address with `maxFailures` failed attempts
 * in its window: 429 with `Retry-After` for every request, the right token's
 * too, until that window ends, so a token cannot be guessed online. Each
 * failure is a warn line with the address, never the token. The count is this
 * process's (each worker counts its own).
 */
export function createAdminAuth({ maxFailures = 10, failureWindowMs = 60_000, maxTrackedAddresses = 10_000, now = Date.now }: AdminAuthOptions = {}) {
  const failures = createRateLimiter({ limit: maxFailures, windowMs: failureWindowMs, maxKeys: maxTrackedAddresses, now });
  let token: string | undefined;
  let expected: Buffer | undefined;

  return function refusalFor(req: IncomingMessage, { config, clientAddress, requestId, logger }: AdminAuthContext): Answer | undefined {
    // The digest is made once per process (the token is configuration, fixed at boot).
    if (config.ADMIN_TOKEN !== token) {
      token = config.ADMIN_TOKEN;
      expected = token === undefined || token === '' ? undefined : digest(token);
    }
    if (expected === undefined) return json(404, { error: 'Not Found' });

    // Checked before the token, so a locked-out address learns nothing from its guesses.
    const lockedMs = failures.retryAfterMs(clientAddress);
    if (lockedMs > 0) return tooManyFailures(lockedMs);

    const given = bearerTokenOf(req);
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return undefined;
    failures.allow(clientAddress); // counts this failure; whether it locked the address out is asked next
    const nowLockedMs = failures.retryAfterMs(clientAddress);
    logger.warn(
      {
        requestId,
        clientAddress,
        reason: given === undefined ? 'no bearer token' : 'wrong token',
        ...(nowLockedMs > 0 ? { lockedOutForSeconds: secondsOf(nowLockedMs) } : {}),
      },
      'admin auth failed',
    );
    return json(401, { error: 'Send Authorization: Bearer <ADMIN_TOKEN>.' }, { 'WWW-Authenticate': 'Bearer realm="admin"' });
  };
}

function tooManyFailures(lockedMs: number): Answer {
  const seconds = secondsOf(lockedMs);
  return json(429, { error: `Too many failed admin attempts from your address; try again in ${seconds} s.` }, { 'Retry-After': String(seconds) });
}

function secondsOf(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The bearer token of the request, if it sends one. Both sides are hashed before comparing: equal lengths, constant time. */
function bearerTokenOf(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  const match = /^Bearer\s+(.+)$/i.exec(header ?? '');
  const token = match?.[1]?.trim();
  return token === '' ? undefined : token;
}
