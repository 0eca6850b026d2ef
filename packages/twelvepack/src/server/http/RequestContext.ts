/** What the pipeline knows about a request and hands to every route. */
export interface RequestContext {
  readonly requestId: string;
  readonly clientAddress: string;
  /**
   * Headers this response must carry whatever answers it (X-Request-ID, HSTS
   * over HTTPS, `Connection: close` while stopping), flat: name, value, name,
   * value. Already set on the response for API routes; the fallback (the static
   * files, the hot path) writes them in its single `writeHead`, so Node takes
   * its fast path (no `setHeader`, no header object per request).
   */
  readonly responseHeaders: readonly string[];
  /**
   * Body bytes sent, for the request log, from a handler that writes its headers
   * in one `writeHead` (Node keeps no header object then, so the log cannot read
   * `Content-Length` back). Handlers using `setHeader` need not set it.
   */
  bodyBytes?: number;
}

/** The flat header list as an object, for `writeHead` calls that merge it with others. */
export function headerObject(flat: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < flat.length; i += 2) headers[flat[i]!] = flat[i + 1]!;
  return headers;
}
