import { contentTypeFor } from '../../../src/server/static/contentTypes';

describe('contentTypeFor', () => {
  it.each([
    ['main.1a2b3c4d.js', 'text/javascript; charset=utf-8'],
    ['module.mjs', 'text/javascript; charset=utf-8'],
    ['main.1a2b3c4d.css', 'text/css; charset=utf-8'],
    ['index.html', 'text/html; charset=utf-8'],
    ['asset-manifest.json', 'application/json; charset=utf-8'],
    ['main.1a2b3c4d.js.map', 'application/json; charset=utf-8'],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8'],
    ['robots.txt', 'text/plain; charset=utf-8'],
    ['favicon.svg', 'image/svg+xml'],
    ['favicon.ico', 'image/x-icon'],
    ['photo.png', 'image/png'],
    ['photo.jpeg', 'image/jpeg'],
    ['font.woff2', 'font/woff2'],
    ['module.wasm', 'application/wasm'],
    ['MAIN.JS', 'text/javascript; charset=utf-8'],
    ['fonts/inter.v3/regular.woff', 'font/woff'],
  ])('%s is %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type);
  });

  it.each([
    ['an unknown extension', 'archive.xyz'],
    ['no extension', 'LICENSE'],
    ['a dot only in a folder name', 'dir.v2/LICENSE'],
    ['a dotfile', '.env'],
    ['a compressed sibling', 'main.1a2b3c4d.js.br'],
  ])('%s is application/octet-stream (%s), never guessed', (_spec, file) => {
    expect(contentTypeFor(file)).toBe('application/octet-stream');
  });
});
