/**
 * Whether a GET or HEAD may be answered `304 Not Modified` (RFC 9110 §13.1).
 * `If-None-Match` wins over `If-Modified-Since`; its list is compared weakly
 * (W/ prefixes ignored) and `*` matches any current representation. Pure.
 */
export function isNotModified(
  headers: { readonly 'if-none-match'?: string; readonly 'if-modified-since'?: string },
  etag: string,
  lastModifiedMs: number,
): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (ifNoneMatch.trim() === '*') return true;
    const wanted = opaqueTag(etag);
    return ifNoneMatch.split(',').some((tag) => opaqueTag(tag.trim()) === wanted);
  }
  const ifModifiedSince = headers['if-modified-since'];
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
}

function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
