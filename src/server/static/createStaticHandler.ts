import type { IncomingMessage, ServerResponse } from 'node:http';
import { isNotModified } from './isNotModified';
import type { StaticTable, StaticVariant } from './loadStaticTable';
import { negotiateEncoding } from './negotiateEncoding';
import { parseRange } from './parseRange';
import { isSpaNavigation, resolveRequestPath } from './resolveRequestPath';

/** Options for {@link createStaticHandler}. */
export interface StaticHandlerOptions {
  /** The files, precomputed at boot (loadStaticTable). */
  readonly table: StaticTable;
  /** Headers for responses that are not files (404, 405, 406, 416). */
  readonly securityHeaders: Readonly<Record<string, string>>;
}

const ALLOW = 'GET, HEAD';

/**
 * Serves the build from the table: a lookup per request, no file system. Client
 * routes fall back to index.html; a missing asset is a real 404 (never HTML with
 * 200, which a rolling deploy would let browsers cache as a script).
 */
export function createStaticHandler({ table, securityHeaders }: StaticHandlerOptions) {
  const index = table.get('/index.html');
  const plain = (res: ServerResponse, status: number, message: string, extra: Record<string, string> = {}) => {
    const body = Buffer.from(`${message}\n`);
    res.writeHead(status, {
      ...securityHeaders,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
      ...extra,
    });
    res.end(body);
  };

  return function handleStatic(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method Not Allowed', { Allow: ALLOW });
      return;
    }
    const path = resolveRequestPath(req.url ?? '');
    let entry = path === undefined ? undefined : table.get(path);
    if (entry === undefined && path !== undefined && index !== undefined && isSpaNavigation(path, req.headers.accept)) entry = index;
    if (entry === undefined) {
      plain(res, 404, 'Not Found');
      return;
    }

    const range = req.headers.range === undefined ? undefined : parseRange(req.headers.range, entry.variants.identity.body.length);
    const ifRange = req.headers['if-range'];
    const useRange = range !== undefined && (ifRange === undefined || ifRange === entry.variants.identity.etag);
    // Ranges are served from the identity bytes so offsets mean the same on every request.
    const encoding = useRange ? 'identity' : negotiateEncoding(req.headers['accept-encoding'], entry.encodings);
    if (encoding === undefined) {
      plain(res, 406, 'Not Acceptable: no encoding of this file matches Accept-Encoding');
      return;
    }
    const variant = entry.variants[encoding] as StaticVariant;

    if (isNotModified(req.headers, variant.etag, entry.lastModifiedMs)) {
      const { 'Content-Length': _length, 'Content-Type': _type, 'Content-Encoding': _encoding, ...headers } = variant.headers;
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (useRange && range === 'unsatisfiable') {
      plain(res, 416, 'Range Not Satisfiable', { 'Content-Range': `bytes */${variant.body.length}` });
      return;
    }
    if (useRange && range !== undefined && range !== 'unsatisfiable') {
      const body = variant.body.subarray(range.start, range.end + 1);
      res.writeHead(206, {
        ...variant.headers,
        'Content-Range': `bytes ${range.start}-${range.end}/${variant.body.length}`,
        'Content-Length': String(body.length),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    res.writeHead(200, variant.headers);
    res.end(req.method === 'HEAD' ? undefined : variant.body);
  };
}
