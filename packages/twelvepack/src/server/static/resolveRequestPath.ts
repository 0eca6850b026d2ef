import { originForm } from '../http/originForm';

/**
 * Turns a request target into the key of a static table lookup, or undefined
 * when it cannot name a file: neither origin-form nor absolute-form, undecodable, or holding a NUL,
 * a backslash or a dot segment. The table holds only files from the build, so
 * a path that survives this still cannot reach anything else. Pure.
 */
export function resolveRequestPath(target: string): string | undefined {
  const origin = originForm(target);
  if (origin === undefined) return undefined;
  const end = origin.search(/[?#]/);
  const raw = end === -1 ? origin : origin.slice(0, end);
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

/** A navigation to a client-side route: a client route's path, and HTML wanted. */
export function isSpaNavigation(path: string, accept: string | undefined): boolean {
  return isClientRoute(path) && (accept ?? '').includes('text/html');
}

/**
 * A path that may be a client-side route: no file extension in the last segment,
 * not under /api/. Its answer depends on Accept (index.html or 404), so it must say `Vary: Accept`.
 */
export function isClientRoute(path: string): boolean {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.') && !path.startsWith('/api/');
}
