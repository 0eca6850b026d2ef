import type { Method, RouteSpec } from '../../config/AppManifest';

/** What the router found for a request. */
export type RouteMatch<R> =
  | { readonly kind: 'route'; readonly route: R }
  | { readonly kind: 'method not allowed'; readonly allow: string }
  | { readonly kind: 'none' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = RouteSpec<any, any>;

/**
 * The routes table as a lookup: exact paths first, then the longest matching
 * prefix (`/api/admin/kv` matches itself and `/api/admin/kv/...`). A known path
 * asked with a method it does not list is "method not allowed", with the Allow
 * header's value; GET implies HEAD. Pure: built once, at boot.
 */
export function createRouter<R extends AnyRoute>(routes: readonly R[]): (path: string, method: string) => RouteMatch<R> {
  const exact = new Map<string, R>();
  // Each prefix with its '/'-terminated form made once: the lookup runs for every request, static files included.
  const prefixes: [string, string, R][] = [];
  for (const route of routes) {
    if ('path' in route) exact.set(route.path, route);
    else prefixes.push([route.prefix, `${route.prefix}/`, route]);
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  // The answers too, once per route: a lookup allocates nothing.
  const answers = new Map(routes.map((route) => [route, answersFor(route)] as const));
  const none: RouteMatch<R> = { kind: 'none' };

  return (path, method) => {
    const route = exact.get(path) ?? longestPrefixOf(prefixes, path);
    if (route === undefined) return none;
    const { methods, found, notAllowed } = answers.get(route)!;
    return methods.includes(method) ? found : notAllowed;
  };
}

function longestPrefixOf<R>(prefixes: readonly [string, string, R][], path: string): R | undefined {
  for (const [prefix, under, route] of prefixes) if (path === prefix || path.startsWith(under)) return route;
  return undefined;
}

function answersFor<R extends AnyRoute>(route: R): { methods: string[]; found: RouteMatch<R>; notAllowed: RouteMatch<R> } {
  const methods = allowedMethods(route.methods);
  return { methods, found: { kind: 'route', route }, notAllowed: { kind: 'method not allowed', allow: methods.join(', ') } };
}

function allowedMethods(methods: readonly Method[]): string[] {
  const all = new Set<string>(methods);
  if (all.has('GET')) all.add('HEAD');
  return [...all];
}
