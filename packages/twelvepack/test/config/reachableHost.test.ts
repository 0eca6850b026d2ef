import { localUrl, reachableHost } from '../../src/config/reachableHost';

describe('reachableHost: the host a person opens for HOST', () => {
  it.each([
    ['0.0.0.0', 'localhost'],
    ['::', 'localhost'],
    ['', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['::1', '::1'],
    ['localhost', 'localhost'],
    ['app.internal', 'app.internal'],
  ])('%j → %j', (host, reachable) => {
    expect(reachableHost(host)).toBe(reachable);
  });
});

describe('localUrl: the address the start-up line prints', () => {
  it.each([
    ['0.0.0.0', 3000, 'http://localhost:3000'],
    ['::', 8080, 'http://localhost:8080'],
    ['127.0.0.1', 3000, 'http://127.0.0.1:3000'],
    ['::1', 3000, 'http://[::1]:3000'],
    ['fe80::1', 5000, 'http://[fe80::1]:5000'],
  ])('%j, %j → %j', (host, port, url) => {
    expect(localUrl(host, port)).toBe(url);
    expect(() => new URL(url)).not.toThrow();
  });
});
