import type { Method, RouteSpec } from '../../../src/config/AppManifest';
import { createRouter, type RouteMatch } from '../../../src/server/http/createRouter';

type Route = RouteSpec<unknown, unknown>;
const handler = () => ({ status: 204 });
const exact = (path: string, ...methods: Method[]): Route => ({ path, methods, handler });
const prefix = (path: string, ...methods: Method[]): Route => ({ prefix: path, methods, handler });

const greeting = exact('/api/greeting', 'GET', 'POST');
// The shorter prefix is declared first, so declaration order alone would pick the wrong one.
const admin = prefix('/api/admin', 'GET', 'DELETE');
const kv = prefix('/api/admin/kv', 'PUT');
const kvStats = exact('/api/admin/kv/stats', 'GET');

const route = createRouter([greeting, admin, kv, kvStats]);

/** The route found, by identity; a test that only compared shapes could not tell two routes apart. */
function routeOf(match: RouteMatch<Route>): Route | string {
  return match.kind === 'route' ? match.route : match.kind;
}

describe('createRouter', () => {
  it.each<[string, string, string, Route]>([
    ['an exact path', '/api/greeting', 'POST', greeting],
    ['a prefix, for itself', '/api/admin', 'GET', admin],
    ['a prefix, for a path below it', '/api/admin/users/7', 'DELETE', admin],
    ['a prefix, for its path with a trailing /', '/api/admin/', 'GET', admin],
    ['the longest matching prefix, for itself', '/api/admin/kv', 'PUT', kv],
    ['the longest matching prefix, for a path below it', '/api/admin/kv/some/key', 'PUT', kv],
    ['an exact path before a prefix that also matches', '/api/admin/kv/stats', 'GET', kvStats],
  ])('finds %s (%s %s)', (_spec, path, method, expected) => {
    expect(routeOf(route(path, method))).toBe(expected);
  });

  it.each<[string, Route]>([
    ['/api/greeting', greeting],
    ['/api/admin/kv/stats', kvStats],
  ])('answers HEAD on %s, which lists GET', (path, expected) => {
    expect(routeOf(route(path, 'HEAD'))).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['/api/greeting', 'DELETE', 'GET, POST, HEAD'],
    ['/api/admin/kv/some/key', 'GET', 'PUT'],
    ['/api/admin/kv', 'HEAD', 'PUT'],
    ['/api/admin/kv/stats', 'PUT', 'GET, HEAD'],
  ])('calls %s %s "method not allowed", with Allow: %s', (path, method, allow) => {
    expect(route(path, method)).toEqual({ kind: 'method not allowed', allow });
  });

  it.each([
    ['a path that only starts with a prefix\'s letters', '/api/adminx'],
    ['a path below an exact path', '/api/greeting/more'],
    ['a path above every route', '/api'],
    ['the root', '/'],
  ])('finds nothing for %s (%s)', (_spec, path) => {
    expect(route(path, 'GET')).toEqual({ kind: 'none' });
  });
});
