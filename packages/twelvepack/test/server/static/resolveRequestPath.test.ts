import { isClientRoute, isSpaNavigation, resolveRequestPath } from '../../../src/server/static/resolveRequestPath';

describe('resolveRequestPath', () => {
  it.each([
    ['the root is index.html', '/', '/index.html'],
    ['a file', '/index.html', '/index.html'],
    ['the query is dropped', '/main.1a2b3c4d.js?v=1', '/main.1a2b3c4d.js'],
    ['the query is dropped from the root', '/?utm=x', '/index.html'],
    ['a fragment is dropped', '/robots.txt#top', '/robots.txt'],
    ['a query holding dot segments is only a query', '/?../../package.json', '/index.html'],
    ['percent-encoding is decoded', '/a%20b.txt', '/a b.txt'],
    ['UTF-8 is decoded', '/caf%C3%A9', '/café'],
    ['it decodes exactly once', '/%252e%252e/x', '/%2e%2e/x'],
    ['three dots are a name, not a dot segment', '/.../x', '/.../x'],
    ['.well-known is an ordinary folder here', '/.well-known/security.txt', '/.well-known/security.txt'],
  ])('%s: %s → %s', (_spec, target, expected) => {
    expect(resolveRequestPath(target)).toBe(expected);
  });

  it.each([
    ['an empty target', ''],
    ['a relative target', 'index.html'],
    ['absolute-form', 'http://evil/../../etc/passwd'],
    ['asterisk-form', '*'],
    ['a leading dot-dot segment', '/../package.json'],
    ['a dot-dot segment in the middle', '/a/../b'],
    ['a trailing dot-dot segment', '/a/..'],
    ['a dot segment', '/./index.html'],
    ['encoded dot-dot', '/%2e%2e/package.json'],
    ['upper-case encoded dot-dot', '/%2E%2E/package.json'],
    ['half-encoded dot-dot', '/.%2e/package.json'],
    ['an encoded slash around dot-dot', '/..%2fpackage.json'],
    ['a backslash', '/..\\package.json'],
    ['an encoded backslash', '/%5c..%5cpackage.json'],
    ['an encoded NUL', '/index.html%00.js'],
    ['a protocol-relative path', '//etc/passwd'],
    ['an encoded protocol-relative path', '/%2fetc/passwd'],
    ['overlong UTF-8 dots (undecodable)', '/%c0%ae%c0%ae/package.json'],
    ['a lone percent sign', '/100%'],
    ['a bad escape', '/%zz'],
  ])('%s cannot name a file (%j)', (_spec, target) => {
    expect(resolveRequestPath(target)).toBeUndefined();
  });
});

describe('isSpaNavigation', () => {
  it.each<[string, string, string | undefined, boolean]>([
    ['a client route asked for as HTML', '/some/client/route', 'text/html,application/xhtml+xml,*/*;q=0.8', true],
    ['a trailing slash', '/some/route/', 'text/html', true],
    ['a dot in a folder but not the last segment', '/v1.2/route', 'text/html', true],
    ['a client route asked for as JSON', '/some/client/route', 'application/json', false],
    ['no Accept header', '/some/client/route', undefined, false],
    ['a file name (the last segment has an extension)', '/main.1a2b3c4d.js', 'text/html', false],
    ['an API path', '/api/unknown', 'text/html', false],
  ])('%s: %s with Accept %j → %s', (_spec, path, accept, expected) => {
    expect(isSpaNavigation(path, accept)).toBe(expected);
  });
});

describe('isClientRoute', () => {
  it.each<[string, boolean]>([
    ['/some/client/route', true],
    ['/some/route/', true],
    ['/v1.2/route', true],
    ['/main.1a2b3c4d.js', false],
    ['/api/unknown', false],
  ])('%s → %s, whatever Accept says', (path, expected) => {
    expect(isClientRoute(path)).toBe(expected);
  });
});
