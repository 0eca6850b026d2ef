import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { AssetManifest } from '../../../src/config/AssetManifest';
import { createServer } from '../../../src/server/createServer';
import { createProcessState } from '../../../src/server/lifecycle/createProcessState';
import { createLogger } from '../../../src/server/logger';
import { loadStaticTable } from '../../../src/server/static/loadStaticTable';
import { startTestServer, type TestServer } from '../../support/startTestServer';
import { builtAssets, type BuiltAssets } from './builtAssets';
import { sendRequest } from './sendRequest';

// The exact headers each kind of response carries. A document (a page, an SVG, anything a browser may show
// on its own, and a script run as a worker, whose CSP is its script's) gets every security header; a hashed script,
// a style, an image or a font loaded by a page gets what matters for it. Names only: the values have specs of their own.

/** Every document's security headers. */
const DOCUMENT = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-opener-policy'];
/** Every subresource's security headers. */
const SUBRESOURCE = ['x-content-type-options', 'cross-origin-resource-policy'];
/** What every answer carries: its type, caching, ETag and length, and the pipeline's request id. */
const EVERY = ['content-type', 'cache-control', 'etag', 'content-length', 'x-request-id'];
/** What Node adds to every response itself. */
const NODE_OWN = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

const namesOf = (headers: Record<string, unknown>) => Object.keys(headers).filter((name) => !NODE_OWN.has(name)).sort();
const sorted = (...names: string[][]) => names.flat().sort();

describe('headers by kind of response, over the fixture build', () => {
  let server: TestServer;
  let assets: BuiltAssets;
  beforeAll(async () => {
    assets = builtAssets();
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it.each<[string, (a: BuiltAssets) => string, Record<string, string>, string[]]>([
    // A page is rendered from the environment at boot: only its ETag can say it changed (no Last-Modified).
    ['index.html, as br: a document', () => '/index.html', { 'Accept-Encoding': 'br' }, sorted(DOCUMENT, EVERY, ['accept-ranges', 'vary', 'content-encoding'])],
    ['index.html for a client route: a document', () => '/orders/42', { Accept: 'text/html' }, sorted(DOCUMENT, EVERY, ['accept-ranges', 'vary'])],
    ['a hashed script, as br', (a) => `/${a.mainJs}`, { 'Accept-Encoding': 'br, gzip' }, sorted(SUBRESOURCE, EVERY, ['last-modified', 'vary', 'content-encoding'])],
    ['a hashed script, as identity', (a) => `/${a.mainJs}`, {}, sorted(SUBRESOURCE, EVERY, ['last-modified', 'vary'])],
    ['a hashed script run as a worker: a document', (a) => `/${a.mainJs}`, { 'Accept-Encoding': 'br', 'Sec-Fetch-Dest': 'worker' }, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges', 'vary', 'content-encoding'])],
    ['a hashed script run as a shared worker: a document', (a) => `/${a.mainJs}`, { 'Sec-Fetch-Dest': 'sharedworker' }, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges', 'vary'])],
    ['a hashed script loaded by a page', (a) => `/${a.mainJs}`, { 'Sec-Fetch-Dest': 'script' }, sorted(SUBRESOURCE, EVERY, ['last-modified', 'vary'])],
    ['a hashed style (too small to compress: no Vary)', (a) => `/${a.mainCss}`, {}, sorted(SUBRESOURCE, EVERY, ['last-modified'])],
    ['an SVG: a document (opened alone, it runs its scripts)', () => '/favicon.svg', {}, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
    ['a text file: a document', () => '/robots.txt', {}, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
  ])('%s', async (_kind, path, headers, expected) => {
    const res = await sendRequest(server.url, path(assets), { headers });
    expect(res.status).toBe(200);
    expect(namesOf(res.headers)).toEqual(expected);
  });

  it('sends a hashed script with the same Vary whether it is run as a worker or not, so caches keep the two apart', async () => {
    const [script, worker] = await Promise.all([
      sendRequest(server.url, `/${assets.mainJs}`, { headers: { 'Accept-Encoding': 'br' } }),
      sendRequest(server.url, `/${assets.mainJs}`, { headers: { 'Accept-Encoding': 'br', 'Sec-Fetch-Dest': 'worker' } }),
    ]);
    expect(script.headers.vary).toBe('Accept-Encoding, Sec-Fetch-Dest');
    expect(worker.headers.vary).toBe(script.headers.vary);
    expect(worker.body.equals(script.body)).toBe(true);
    expect(worker.headers.etag).toBe(script.headers.etag);
  });

  it("answers a worker's conditional request with a 304 that carries a document's headers", async () => {
    const { headers } = await sendRequest(server.url, `/${assets.mainJs}`);
    const res = await sendRequest(server.url, `/${assets.mainJs}`, { headers: { 'Sec-Fetch-Dest': 'worker', 'If-None-Match': headers.etag ?? '' } });
    expect(res.status).toBe(304);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });
});

/** A client build by hand: a manifest and its files, for kinds the fixture app does not emit. */
function writeClientDir(files: Record<string, { readonly body: string; readonly hashed: boolean }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-kinds-'));
  const entries: Record<string, AssetManifest['files'][string]> = {};
  for (const [name, { body, hashed }] of Object.entries(files)) {
    writeFileSync(join(dir, name), body);
    entries[name] = { size: Buffer.byteLength(body), hash: createHash('sha256').update(body).digest('base64url'), immutable: hashed, encodings: {} };
  }
  const manifest: AssetManifest = { version: 1, files: entries };
  writeFileSync(join(dir, 'asset-manifest.json'), JSON.stringify(manifest));
  return dir;
}

describe('headers by kind of response, for every kind a build may hold', () => {
  let dir: string;
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    dir = writeClientDir({
      'index.html': { body: '<!doctype html><title>%PUBLIC_APP_NAME%</title>', hashed: false },
      'logo.1a2b3c4d.png': { body: 'png bytes', hashed: true },
      'photo.1a2b3c4d.webp': { body: 'webp bytes', hashed: true },
      'icon.1a2b3c4d.svg': { body: '<svg xmlns="http://www.w3.org/2000/svg"/>', hashed: true },
      'font.1a2b3c4d.woff2': { body: 'woff2 bytes', hashed: true },
      'chunk.1a2b3c4d.js': { body: 'console.log(1)', hashed: true },
      'sw.js': { body: 'self.addEventListener("fetch", () => {})', hashed: false },
      'notes.1a2b3c4d.json': { body: '{}', hashed: true },
    });
    const staticFiles = loadStaticTable({ dir, publicEnv: { PUBLIC_APP_NAME: 'Kinds' } });
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (_chunk, _encoding, done) => done() }) });
    const server = createServer({ logger, staticFiles, readiness: createProcessState(), trustProxy: false });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each<[string, string, Record<string, string>, string[]]>([
    ['a hashed image', '/logo.1a2b3c4d.png', {}, sorted(SUBRESOURCE, EVERY, ['last-modified'])],
    ['another hashed image', '/photo.1a2b3c4d.webp', {}, sorted(SUBRESOURCE, EVERY, ['last-modified'])],
    ['a hashed font', '/font.1a2b3c4d.woff2', {}, sorted(SUBRESOURCE, EVERY, ['last-modified'])],
    ['a hashed script without compressed siblings', '/chunk.1a2b3c4d.js', {}, sorted(SUBRESOURCE, EVERY, ['last-modified', 'vary'])],
    ['a hashed SVG: a document', '/icon.1a2b3c4d.svg', {}, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
    ['hashed JSON: a document (a browser shows it)', '/notes.1a2b3c4d.json', {}, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
    // A service worker must live at a stable URL: an unhashed script may be one, asked for or not.
    ['an unhashed script: a document', '/sw.js', {}, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
    ['an unhashed script run as a service worker: a document', '/sw.js', { 'Sec-Fetch-Dest': 'serviceworker' }, sorted(DOCUMENT, EVERY, ['last-modified', 'accept-ranges'])],
  ])('%s', async (_kind, path, headers, expected) => {
    const res = await sendRequest(url, path, { headers });
    expect(res.status).toBe(200);
    expect(namesOf(res.headers)).toEqual(expected);
  });

  it('says Vary: Sec-Fetch-Dest alone on a hashed script that has no compressed sibling', async () => {
    expect((await sendRequest(url, '/chunk.1a2b3c4d.js')).headers.vary).toBe('Sec-Fetch-Dest');
  });
});
