import type { RouteSpec } from '../../config/AppManifest';
import { empty, json } from '../http/answers';
import { BodyTooLargeError, readBody } from '../http/readBody';
import type { Logger } from '../logger';
import { createRateLimiter } from './createRateLimiter';
import { parseClientErrorReport } from './parseClientErrorReport';

/** Where browsers report their errors (the toolkit's client runtime posts here). */
export const CLIENT_ERRORS_PATH = '/api/client-errors';

/** Options for {@link createClientErrorHandler}. */
export interface ClientErrorHandlerOptions {
  readonly logger: Logger;
  /** Largest body accepted, in bytes (default 16 KiB). */
  readonly maxBytes?: number;
  /** Reports accepted per client per minute (default 30). */
  readonly perMinute?: number;
}


/**
 * `POST /api/client-errors`: browser errors reach the server's log, since in
 * production nobody sees the user's console. Validated, size-limited and
 * rate-limited per client; each error becomes one JSON log line.
 */
export function createClientErrorHandler({ logger, maxBytes = 16 * 1024, perMinute = 30 }: ClientErrorHandlerOptions): RouteSpec<unknown, unknown> {
  const limiter = createRateLimiter({ limit: perMinute, windowMs: 60_000 });
  return {
    path: CLIENT_ERRORS_PATH,
    methods: ['POST'],
    handler: async (req, context) => {
      // text/plain too: what sendBeacon sends for a string body.
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (!type.startsWith('application/json') && !type.startsWith('text/plain')) {
        return json(415, { error: 'Send the report as application/json.' });
      }
      if (!limiter.allow(context.clientAddress)) {
        return json(429, { error: `Too many reports; at most ${perMinute} a minute.` }, { 'Retry-After': '60' });
      }
      let body: Buffer;
      try {
        body = await readBody(req, maxBytes);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return json(413, { error: error.message });
        throw error;
      }
      const report = parseClientErrorReport(body.toString('utf8'));
      if (!report.ok) return json(400, { error: report.reason });
      for (const clientError of report.errors) {
        logger.warn({ requestId: context.requestId, clientAddress: context.clientAddress, clientError }, 'client error');
      }
      return empty(204, { 'Cache-Control': 'no-store' });
    },
  };
}
