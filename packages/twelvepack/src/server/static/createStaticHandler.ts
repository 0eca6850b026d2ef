import type { IncomingMessage } from 'node:http';
import type { Answer } from '../../config/AppManifest';
import { text } from '../http/answers';
import { createCachedNegotiation } from './createCachedNegotiation';
import { isNotModified } from './isNotModified';
import { isWorkerRequest } from './isWorkerRequest';
import type { StaticTable, StaticVariant } from './loadStaticTable';
import { parseRange } from './parseRange';
import { isClientRoute, isSpaNavigation, resolveRequestPath } from './resolveRequestPath';
import { varyOnAccept } from './varyOnAccept';

/** Options for {@link createStaticHandler}. */
export interface StaticHandlerOptions {
  /** The files, precomputed at boot (loadStaticTable). */
  readonly table: StaticTable;
  /** Headers for responses that are not files (404, 405, 406, 416). */
  readonly securityHeaders: Readonly<Record<string, string>>;
}

const ALLOW = 'GET, HEAD';
const NO_HEADERS: Readonly<Record<string, string>> = {};

/**
 * Serves the build from the table: a lookup per request, no file system. Client
 * routes fall back to index.html; a missing asset is a real 404 (never HTML with
 * 200, which a rolling deploy would let browsers cache as a script). Every answer
 * to a client route (index.html, or 404 when HTML is not wanted) says
 * `Vary: Accept, Accept-Encoding`, since Accept picked it; files say only
 * `Vary: Accept-Encoding`, since Accept never changes them.
 *
 * A hashed script asked for to run as a worker gets a document's headers
 * (its CSP becomes the worker's), built at boot too.
 *
 * The common request (a plain path to a file, a known Accept-Encoding, no
 * conditionals) costs one map lookup and one cached negotiation, and returns
 * an answer built at boot, headers list included, for a single `writeHead`.
 */
export function createStaticHandler({ table, securityHeaders }: StaticHandlerOptions) {
  const index = table.get('/index.html');
  // index.html as a client route's answer: the same bytes, with Accept in Vary (built once, here).
  const fallback = index === undefined ? undefined : varyOnAccept(index);
  const clientRouteVary = { Vary: fallback?.variants.identity.headers.Vary ?? 'Accept' };
  const negotiate = createCachedNegotiation();
  const plain = (status: number, message: string, extra: Readonly<Record<string, string>> = NO_HEADERS): Answer => text(status, message, { ...securityHeaders, ...extra });

  return function handleStatic(req: IncomingMessage): Answer {
    if (req.method !== 'GET' && req.method !== 'HEAD') return plain(405, 'Method Not Allowed', { Allow: ALLOW });
    const url = req.url ?? '';
    // A target that is exactly a table key needs no decoding ('%' would); anything else goes the careful way.
    let entry = url.includes('%') ? undefined : table.get(url);
    if (entry === undefined) {
      const path = resolveRequestPath(url);
      entry = path === undefined ? undefined : table.get(path);
      if (entry === undefined && path !== undefined && fallback !== undefined && isClientRoute(path)) {
        if (!isSpaNavigation(path, req.headers.accept)) return plain(404, 'Not Found', clientRouteVary);
        entry = fallback;
      }
    }
    if (entry === undefined) return plain(404, 'Not Found');
    const vary = entry === fallback ? clientRouteVary : NO_HEADERS;
    if (entry.asWorker !== undefined && isWorkerRequest(req.headers)) entry = entry.asWorker;

    const range = req.headers.range === undefined ? undefined : parseRange(req.headers.range, entry.variants.identity.body.length);
    const ifRange = req.headers['if-range'];
    const useRange = range !== undefined && (ifRange === undefined || ifRange === entry.variants.identity.etag);
    // Ranges are served from the identity bytes so offsets mean the same on every request.
    const encoding = useRange ? 'identity' : negotiate(req.headers['accept-encoding'], entry.encodings);
    if (encoding === undefined) return plain(406, 'Not Acceptable: no encoding of this file matches Accept-Encoding', vary);
    const variant = entry.variants[encoding] as StaticVariant;

    if ((req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) && isNotModified(req.headers, variant.etag, entry.lastModifiedMs)) {
      const { 'Content-Length': _length, 'Content-Type': _type, 'Content-Encoding': _encoding, ...headers } = variant.headers;
      return { status: 304, headers };
    }
    if (useRange && range === 'unsatisfiable') return plain(416, 'Range Not Satisfiable', { ...vary, 'Content-Range': `bytes */${variant.body.length}` });
    if (useRange && range !== undefined && range !== 'unsatisfiable') {
      const body = variant.body.subarray(range.start, range.end + 1);
      return {
        status: 206,
        headers: { ...variant.headers, 'Content-Range': `bytes ${range.start}-${range.end}/${variant.body.length}`, 'Content-Length': String(body.length) },
        body,
      };
    }
    return variant.answer;
  };
}
