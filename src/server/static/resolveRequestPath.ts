/**
 * Turns a request target into the key of a static table lookup, or undefined
 * when it cannot name a file: not origin-form, undecodable, or holding a NUL,
 * a backslash or a dot segment. The table holds only files from the build, so
 * a path that survives this still cannot reach anything else. Pure.
 */
export function resolveRequestPath(target: string): string | undefined {
  if (!target.startsWith('/')) return undefined;
  const end = target.search(/[?#]/);
  const raw = end === -1 ? target : target.slice(0, end);
  let path: string;
  try {
    path = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (/[\0\\]/.test(path) || path.startsWith('//')) return undefined;
  if (path.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
  return path === '/' ? '/index.html' : path;
}

/** A navigation to a client-side route: no file extension in the last segment, and HTML wanted. */
export function isSpaNavigation(path: string, accept: string | undefined): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') && !path.startsWith('/api/') && (accept ?? '').includes('text/html');
}
