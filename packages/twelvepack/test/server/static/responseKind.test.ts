import { isWorkerRequest } from '../../../src/server/static/isWorkerRequest';
import { responseKindOf } from '../../../src/server/static/responseKind';

describe('responseKindOf', () => {
  it.each([
    ['main.1a2b3c4d.js', true, 'script'],
    ['chunk.1a2b3c4d.mjs', true, 'script'],
    ['main.1a2b3c4d.css', true, 'style'],
    ['legacy.css', false, 'style'],
    ['logo.1a2b3c4d.png', true, 'image'],
    ['photo.1a2b3c4d.JPG', true, 'image'],
    ['favicon.ico', false, 'image'],
    ['font.1a2b3c4d.woff2', true, 'font'],
    ['font.1a2b3c4d.ttf', true, 'font'],
  ] as const)('calls %s (hashed: %s) a %s', (file, hashed, kind) => {
    expect(responseKindOf(file, hashed)).toBe(kind);
  });

  it.each([
    ['index.html', false, 'a page'],
    ['icon.1a2b3c4d.svg', true, 'an SVG, which runs its scripts when opened alone'],
    ['sw.js', false, 'an unhashed script, which may be a service worker'],
    ['robots.txt', false, 'text'],
    ['notes.1a2b3c4d.json', true, 'JSON'],
    ['clip.1a2b3c4d.mp4', true, 'media'],
    ['module.1a2b3c4d.wasm', true, 'WebAssembly'],
    ['data.1a2b3c4d.bin', true, 'an unknown type'],
    ['LICENSE', false, 'a file without an extension'],
  ])('calls %s a document: %s', (file, hashed) => {
    expect(responseKindOf(file, hashed)).toBe('document');
  });
});

describe('isWorkerRequest', () => {
  it.each(['worker', 'sharedworker', 'serviceworker'])('is true for Sec-Fetch-Dest: %s', (destination) => {
    expect(isWorkerRequest({ 'sec-fetch-dest': destination })).toBe(true);
  });

  it.each(['script', 'style', 'document', 'empty', 'Worker', ''])('is false for Sec-Fetch-Dest: %j', (destination) => {
    expect(isWorkerRequest({ 'sec-fetch-dest': destination })).toBe(false);
  });

  it('is false without Sec-Fetch-Dest', () => {
    expect(isWorkerRequest({})).toBe(false);
  });
});
