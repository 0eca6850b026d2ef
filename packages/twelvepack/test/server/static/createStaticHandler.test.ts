import { createHash } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { LEGACY_FALLBACK_SCRIPT } from '../../../src/config/legacyFallback';
import { RUNTIME_ENV_GLOBAL } from '../../../src/config/schema';
import { startTestServer, type TestServer } from '../../support/startTestServer';
import { builtAssets, type BuiltAssets } from './builtAssets';
import { sendRawRequest } from './sendRawRequest';
import { sendRequest } from './sendRequest';

const PUBLIC_ENV = { NODE_ENV: 'production', PUBLIC_APP_NAME: 'Quokka Parcel Tracker 4729', PUBLIC_TAGLINE: 'Where is my box' };
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** A hashed script's Vary: its encodings, and whether it is run as a worker (a document's headers then). */
const SCRIPT_VARY = 'Accept-Encoding, Sec-Fetch-Dest';
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** The inline script that carries the runtime config: the only `<script>` without attributes. */
function inlineScriptOf(html: string): string {
  const match = /<script>([\s\S]*?)<\/script>/.exec(html);
  if (match?.[1] === undefined) throw new Error(`No inline script in the served index.html: ${html}`);
  return match[1];
}

/** Runs the inline script as a browser would, and returns what it set on window. */
function runtimeEnvOf(html: string): unknown {
  const window: Record<string, unknown> = {};
  runInNewContext(inlineScriptOf(html), { window });
  return window[RUNTIME_ENV_GLOBAL];
}

/** Starts a server for one test and always closes it. */
async function withServer<T>(options: Parameters<typeof startTestServer>[0], use: (server: TestServer) => Promise<T>): Promise<T> {
  const server = await startTestServer(options);
  try {
    return await use(server);
  } finally {
    await server.close();
  }
}

describe('the static handler, over real HTTP', () => {
  let server: TestServer;
  let assets: BuiltAssets;
  /** index.html as this server renders it (with PUBLIC_ENV), uncompressed. */
  let indexHtml: Buffer;
  const get = (path: string, headers: Record<string, string> = {}) => sendRequest(server.url, path, { headers });

  beforeAll(async () => {
    assets = builtAssets();
    server = await startTestServer({ publicEnv: PUBLIC_ENV });
    const index = await get('/index.html');
    expect(index.status).toBe(200);
    indexHtml = index.body;
  });
  afterAll(async () => {
    await server.close();
  });

  describe('caching', () => {
    it.each([
      ['main js', 'mainJs'],
      ['vendors js', 'vendorsJs'],
      ['legacy main js', 'mainLegacyJs'],
      ['legacy vendors js', 'vendorsLegacyJs'],
      ['main css', 'mainCss'],
    ] as const)('lets browsers cache the hashed %s asset for a year, immutable', async (_name, key) => {
      const res = await get(`/${assets[key]}`);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe(IMMUTABLE);
    });

    it.each([['vendors js', 'vendorsJs'], ['legacy vendors js', 'vendorsLegacyJs']] as const)(
      'serves the %s precompressed (br), with its own ETag, to a client that accepts it',
      async (_name, key) => {
        const res = await get(`/${assets[key]}`, { 'Accept-Encoding': 'br, gzip' });
        expect(res.headers['content-encoding']).toBe('br');
        expect(res.body.equals(assets.read(`${assets[key]}.br`))).toBe(true);
        expect(res.headers.etag).toMatch(/^"[^"]+"$/);
      },
    );

    it.each(['/', '/index.html', '/favicon.svg', '/robots.txt'])('makes browsers revalidate the unhashed %s (no-cache)', async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
    });

    it('makes browsers revalidate index.html served for a client route (no-cache)', async () => {
      const res = await get('/some/client/route', { Accept: BROWSER_ACCEPT });
      expect(res.headers['cache-control']).toBe('no-cache');
    });
  });

  describe('validators and 304', () => {
    it.each(['/index.html', '/favicon.svg'])('gives %s a strong ETag', async (path) => {
      expect((await get(path)).headers.etag).toMatch(/^"[^"]+"$/);
    });

    it('gives the hashed js a strong ETag for each encoding', async () => {
      const identity = await get(`/${assets.mainJs}`);
      const br = await get(`/${assets.mainJs}`, { 'Accept-Encoding': 'br' });
      expect(identity.headers.etag).toMatch(/^"[^"]+"$/);
      expect(br.headers.etag).toMatch(/^"[^"]+"$/);
      expect(br.headers.etag).not.toBe(identity.headers.etag);
    });

    it('gives the same ETags and Last-Modified from two servers started separately over the same build', async () => {
      const requests: [string, Record<string, string>][] = [
        ['/index.html', {}],
        ['/index.html', { 'Accept-Encoding': 'gzip' }],
        [`/${assets.mainJs}`, {}],
        [`/${assets.mainJs}`, { 'Accept-Encoding': 'br' }],
        ['/favicon.svg', {}],
      ];
      const validators = (url: string) =>
        Promise.all(
          requests.map(async ([path, headers]) => {
            const res = await sendRequest(url, path, { headers });
            return [res.headers.etag, res.headers['last-modified']];
          }),
        );
      const first = await validators(server.url);
      const second = await withServer({ publicEnv: PUBLIC_ENV }, (other) => validators(other.url));
      // index.html carries an ETag only (see the next spec); everything else both validators.
      const [indexIdentity, indexGzip, ...files] = first;
      expect([indexIdentity![0], indexGzip![0]].every((value) => typeof value === 'string')).toBe(true);
      expect(files.flat().every((value) => typeof value === 'string')).toBe(true);
      expect(second).toEqual(first);
    });

    it('never lets If-Modified-Since alone keep an index.html whose runtime config may have changed', async () => {
      const res = await get('/index.html', { 'If-Modified-Since': new Date(Date.now() + 86_400_000).toUTCString() });
      expect(res.headers['last-modified']).toBeUndefined();
      expect(res.status).toBe(200);
    });

    it.each([
      ['the exact ETag', (etag: string) => etag],
      ['a list holding the ETag', (etag: string) => `"stale-one", ${etag}, "stale-two"`],
      ['the ETag marked weak', (etag: string) => `W/${etag}`],
      ['*', () => '*'],
    ])('answers 304 to If-None-Match with %s', async (_spec, ifNoneMatch) => {
      const { headers } = await get(`/${assets.mainJs}`);
      const res = await get(`/${assets.mainJs}`, { 'If-None-Match': ifNoneMatch(headers.etag ?? '') });
      expect(res.status).toBe(304);
      expect(res.headers.etag).toBe(headers.etag);
    });

    it('answers 200 to If-None-Match with an ETag that is not the current one', async () => {
      const res = await get(`/${assets.mainJs}`, { 'If-None-Match': '"not-the-current-etag"' });
      expect(res.status).toBe(200);
    });

    it('answers 304 to If-Modified-Since equal to Last-Modified', async () => {
      const { headers } = await get('/favicon.svg');
      const res = await get('/favicon.svg', { 'If-Modified-Since': headers['last-modified'] ?? '' });
      expect(res.status).toBe(304);
    });

    it('lets a stale If-None-Match win over a matching If-Modified-Since', async () => {
      const { headers } = await get('/favicon.svg');
      const res = await get('/favicon.svg', { 'If-None-Match': '"stale"', 'If-Modified-Since': headers['last-modified'] ?? '' });
      expect(res.status).toBe(200);
    });

    it('sends a 304 with no body bytes and no Content-Length', async () => {
      const { headers } = await get(`/${assets.mainJs}`);
      const res = await sendRawRequest(server.url, { target: `/${assets.mainJs}`, headers: { 'If-None-Match': headers.etag ?? '' } });
      expect(res.status).toBe(304);
      expect(res.body).toHaveLength(0);
      expect(res.headers['content-length']).toBeUndefined();
    });
  });

  describe('content encoding', () => {
    it.each([
      ['br, gzip', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0, gzip', 'gzip'],
      ['gzip;q=0.5, br;q=0.9', 'br'],
    ])('answers Accept-Encoding %j with %s, marked with Content-Encoding and Vary', async (acceptEncoding, encoding) => {
      const res = await get(`/${assets.mainJs}`, { 'Accept-Encoding': acceptEncoding });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers.vary).toBe(SCRIPT_VARY);
      expect(res.headers['content-length']).toBe(String(res.body.length));
    });

    it('negotiates per file: the same Accept-Encoding gets br where a .br exists and identity where none does', async () => {
      for (let round = 0; round < 2; round += 1) {
        const script = await get(`/${assets.mainJs}`, { 'Accept-Encoding': 'br, gzip' });
        expect(script.headers['content-encoding']).toBe('br');
        // robots.txt is under the 1 kB compression threshold: identity only.
        const robots = await get('/robots.txt', { 'Accept-Encoding': 'br, gzip' });
        expect(robots.headers['content-encoding']).toBeUndefined();
        expect(robots.status).toBe(200);
      }
    });

    it('answers a very long Accept-Encoding (not cached) like a short one', async () => {
      const long = `${'x-custom;q=0.1, '.repeat(40)}br, gzip`;
      const res = await get(`/${assets.mainJs}`, { 'Accept-Encoding': long });
      expect(res.headers['content-encoding']).toBe('br');
    });

    it('sends br that decompresses to exactly the identity bytes', async () => {
      const res = await get(`/${assets.mainJs}`, { 'Accept-Encoding': 'br, gzip' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).equals(assets.read(assets.mainJs))).toBe(true);
    });

    it('sends gzip that decompresses to exactly the identity bytes', async () => {
      const res = await get(`/${assets.mainJs}`, { 'Accept-Encoding': 'gzip' });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body).equals(assets.read(assets.mainJs))).toBe(true);
    });

    it('compresses the rendered index.html too, to exactly the bytes sent as identity', async () => {
      const res = await get('/index.html', { 'Accept-Encoding': 'br' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).equals(indexHtml)).toBe(true);
    });

    it('sends identity without Content-Encoding, but still with Vary, when there is no Accept-Encoding', async () => {
      const res = await get(`/${assets.mainJs}`);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBe(SCRIPT_VARY);
      expect(res.body.equals(assets.read(assets.mainJs))).toBe(true);
    });

    it('answers 406 when the only acceptable coding is refused (identity;q=0)', async () => {
      const res = await get(`/${assets.mainJs}`, { 'Accept-Encoding': 'identity;q=0' });
      expect(res.status).toBe(406);
    });
  });

  describe('methods', () => {
    it('answers HEAD with the GET headers, Content-Length included, and no body bytes', async () => {
      const full = await get(`/${assets.mainJs}`);
      const head = await sendRawRequest(server.url, { method: 'HEAD', target: `/${assets.mainJs}` });
      expect(head.status).toBe(200);
      expect(head.headers['content-length']).toBe(String(full.body.length));
      expect(head.headers.etag).toBe(full.headers.etag);
      expect(head.headers['content-type']).toBe(full.headers['content-type']);
      expect(head.body).toHaveLength(0);
    });

    it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('answers %s on a static path with 405 and Allow: GET, HEAD', async (method) => {
      const res = await sendRequest(server.url, `/${assets.mainJs}`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('GET, HEAD');
    });
  });

  describe('ranges', () => {
    it('answers bytes=0-9 with 206, Content-Range and exactly those bytes, uncompressed', async () => {
      const identity = assets.read(assets.mainJs);
      const res = await get(`/${assets.mainJs}`, { Range: 'bytes=0-9', 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes 0-9/${identity.length}`);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['content-length']).toBe('10');
      expect(res.body.equals(identity.subarray(0, 10))).toBe(true);
    });

    it('answers a suffix range (bytes=-10) with the last 10 bytes', async () => {
      const identity = assets.read(assets.mainJs);
      const res = await get(`/${assets.mainJs}`, { Range: 'bytes=-10' });
      expect(res.status).toBe(206);
      expect(res.headers['content-range']).toBe(`bytes ${identity.length - 10}-${identity.length - 1}/${identity.length}`);
      expect(res.body.equals(identity.subarray(identity.length - 10))).toBe(true);
    });

    it('answers a range starting at the size with 416 and Content-Range: bytes */size', async () => {
      const size = assets.read(assets.mainJs).length;
      const res = await get(`/${assets.mainJs}`, { Range: `bytes=${size}-` });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${size}`);
    });

    it('answers several ranges with 200 and the whole file', async () => {
      const res = await get(`/${assets.mainJs}`, { Range: 'bytes=0-9,20-29' });
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.body.equals(assets.read(assets.mainJs))).toBe(true);
    });

    it('answers a range with 200 and the whole file when If-Range holds a stale ETag', async () => {
      const res = await get(`/${assets.mainJs}`, { Range: 'bytes=0-9', 'If-Range': '"stale"' });
      expect(res.status).toBe(200);
      expect(res.body.equals(assets.read(assets.mainJs))).toBe(true);
    });

    it('answers a range with 206 when If-Range holds the current ETag', async () => {
      const { headers } = await get(`/${assets.mainJs}`);
      const res = await get(`/${assets.mainJs}`, { Range: 'bytes=0-9', 'If-Range': headers.etag ?? '' });
      expect(res.status).toBe(206);
      expect(res.body).toHaveLength(10);
    });
  });

  describe('client-side routes', () => {
    it('answers a navigation to a client route with 200 and index.html', async () => {
      const res = await get('/some/client/route', { Accept: BROWSER_ACCEPT });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.body.equals(indexHtml)).toBe(true);
    });

    it('answers the same path asked for as JSON with 404', async () => {
      const res = await get('/some/client/route', { Accept: 'application/json' });
      expect(res.status).toBe(404);
    });

    it('answers a missing hashed asset with 404 that is not HTML, even when HTML is acceptable', async () => {
      const res = await get('/main.1a2b3c4d.js', { Accept: BROWSER_ACCEPT });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/html/);
      expect(res.body.toString('utf8')).not.toMatch(/<html|<script/i);
    });

    it('answers an unknown API path with 404, even when HTML is acceptable', async () => {
      const res = await get('/api/unknown', { Accept: BROWSER_ACCEPT });
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).not.toMatch(/html/);
    });
  });

  // A client route's answer is index.html or 404 as Accept says, so a cache must key it on Accept too.
  describe('Vary on client routes', () => {
    it('says Vary: Accept, Accept-Encoding on both answers to a deep link: index.html asked for as HTML, 404 otherwise', async () => {
      const html = await get('/orders/42', { Accept: BROWSER_ACCEPT, 'Accept-Encoding': 'br, gzip' });
      const plainHtml = await get('/orders/42', { Accept: 'text/html' });
      const json = await get('/orders/42', { Accept: 'application/json' });
      const noAccept = await get('/orders/42');
      expect([html.status, plainHtml.status, json.status, noAccept.status]).toEqual([200, 200, 404, 404]);
      for (const res of [html, plainHtml, json, noAccept]) expect(res.headers.vary).toBe('Accept, Accept-Encoding');
    });

    it('says it on the 304, 206, 416 and 406 of index.html served for a client route too', async () => {
      const { headers } = await get('/orders/42', { Accept: BROWSER_ACCEPT });
      const answers = await Promise.all([
        get('/orders/42', { Accept: BROWSER_ACCEPT, 'If-None-Match': headers.etag ?? '' }),
        get('/orders/42', { Accept: BROWSER_ACCEPT, Range: 'bytes=0-9' }),
        get('/orders/42', { Accept: BROWSER_ACCEPT, Range: `bytes=${indexHtml.length}-` }),
        get('/orders/42', { Accept: BROWSER_ACCEPT, 'Accept-Encoding': 'identity;q=0' }),
      ]);
      expect(answers.map((res) => [res.status, res.headers.vary])).toEqual([
        [304, 'Accept, Accept-Encoding'],
        [206, 'Accept, Accept-Encoding'],
        [416, 'Accept, Accept-Encoding'],
        [406, 'Accept, Accept-Encoding'],
      ]);
    });

    it.each([
      ['/', {}],
      ['/index.html', { Accept: BROWSER_ACCEPT }],
      ['/index.html', { Accept: 'application/json' }],
    ])('keeps Vary: Accept-Encoding on %s asked with %j, which Accept never changes', async (path, headers: Record<string, string>) => {
      const res = await get(path, headers);
      expect(res.status).toBe(200);
      expect(res.headers.vary).toBe('Accept-Encoding');
    });

    it('keeps Accept out of Vary on a hashed asset, and sends no Vary on a missing one (a 404 whatever Accept says)', async () => {
      expect((await get(`/${assets.mainJs}`, { Accept: BROWSER_ACCEPT })).headers.vary).toBe(SCRIPT_VARY);
      for (const accept of [BROWSER_ACCEPT, 'application/json']) {
        const missing = await get('/main.1a2b3c4d.js', { Accept: accept });
        expect(missing.status).toBe(404);
        expect(missing.headers.vary).toBeUndefined();
      }
      expect((await get('/api/unknown', { Accept: BROWSER_ACCEPT })).headers.vary).toBeUndefined();
    });
  });

  describe('runtime public config', () => {
    it('embeds the publicEnv the server was started with in index.html as window.__TWELVEPACK_ENV__', () => {
      const html = indexHtml.toString('utf8');
      expect(inlineScriptOf(html)).toMatch(new RegExp(`^window\\.${RUNTIME_ENV_GLOBAL}=`));
      expect(runtimeEnvOf(html)).toEqual(PUBLIC_ENV);
    });

    it('embeds it in index.html served for a client route too', async () => {
      const res = await get('/some/client/route', { Accept: BROWSER_ACCEPT });
      expect(runtimeEnvOf(res.body.toString('utf8'))).toEqual(PUBLIC_ENV);
    });

    it('keeps a value holding </script><script>alert(1)</script> inside the script', async () => {
      const hostile = { ...PUBLIC_ENV, PUBLIC_APP_NAME: '</script><script>alert(1)</script>' };
      const html = await withServer({ publicEnv: hostile }, async (other) => (await sendRequest(other.url, '/')).body.toString('utf8'));
      expect(html).not.toContain('<script>alert');
      expect(runtimeEnvOf(html)).toEqual(hostile);
    });
  });

  describe('security headers', () => {
    const cspOf = async (path = '/') => {
      const csp = (await get(path)).headers['content-security-policy'];
      if (typeof csp !== 'string') throw new Error(`${path} was sent without a single Content-Security-Policy (got ${JSON.stringify(csp)})`);
      return csp;
    };

    it("allows the inline scripts (the runtime config, the legacy bundle's fallback) by the sha256 of their exact text in script-src, next to 'self'", async () => {
      const hash = createHash('sha256').update(inlineScriptOf(indexHtml.toString('utf8')), 'utf8').digest('base64');
      const fallback = createHash('sha256').update(LEGACY_FALLBACK_SCRIPT, 'utf8').digest('base64');
      const scriptSrc = (await cspOf()).split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('script-src '));
      expect(scriptSrc?.split(/\s+/)).toEqual(['script-src', "'self'", `'sha256-${hash}'`, `'sha256-${fallback}'`]);
    });

    it('never allows unsafe-inline', async () => {
      expect(await cspOf()).not.toContain('unsafe-inline');
    });

    it("forbids framing with frame-ancestors 'none'", async () => {
      expect(await cspOf()).toMatch(/(^|;\s*)frame-ancestors 'none'(;|$)/);
    });

    it.each([
      ['index.html', 'GET', () => '/'],
      ['a 404', 'GET', () => '/missing.js'],
      ['a 405', 'POST', () => '/'],
    ])('sends nosniff, a Referrer-Policy and the CSP with %s', async (_spec, method, path) => {
      const res = await sendRequest(server.url, path(), { method });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    });

    // The exact sets per kind of response are in headersByKind.test.ts.
    it('sends nosniff and Cross-Origin-Resource-Policy with a hashed asset, and no CSP', async () => {
      const res = await get(`/${assets.mainJs}`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['content-security-policy']).toBeUndefined();
    });

    it('sends no HSTS over plain HTTP', async () => {
      expect((await get('/')).headers['strict-transport-security']).toBeUndefined();
    });

    it('sends no HSTS for X-Forwarded-Proto: https when the proxy is not trusted', async () => {
      expect((await get('/', { 'X-Forwarded-Proto': 'https' })).headers['strict-transport-security']).toBeUndefined();
    });

    it('sends HSTS for X-Forwarded-Proto: https when the proxy is trusted', async () => {
      const hsts = await withServer({ publicEnv: PUBLIC_ENV, trustProxy: true }, async (trusting) => {
        const res = await sendRequest(trusting.url, '/', { headers: { 'X-Forwarded-Proto': 'https' } });
        return res.headers['strict-transport-security'];
      });
      expect(hsts).toMatch(/^max-age=\d+/);
    });

    it('sends no HSTS over plain HTTP when the proxy is trusted but says nothing', async () => {
      const hsts = await withServer({ publicEnv: PUBLIC_ENV, trustProxy: true }, async (trusting) => (await sendRequest(trusting.url, '/')).headers['strict-transport-security']);
      expect(hsts).toBeUndefined();
    });
  });

  describe('files that are not routes', () => {
    it('answers a source map with 404 by default', async () => {
      expect((await get(`/${assets.mainJsMap}`)).status).toBe(404);
    });

    it('serves a source map, as JSON, when serveSourceMaps is true', async () => {
      const res = await withServer({ publicEnv: PUBLIC_ENV, serveSourceMaps: true }, (other) => sendRequest(other.url, `/${assets.mainJsMap}`));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body.equals(assets.read(assets.mainJsMap))).toBe(true);
    });

    it('answers the asset manifest with 404', async () => {
      expect((await get('/asset-manifest.json')).status).toBe(404);
    });

    it.each(['br', 'gz'])('answers a .%s sibling asked for directly with 404', async (extension) => {
      const sibling = `${assets.mainJs}.${extension}`;
      expect(Object.keys(assets.manifest.files)).toContain(sibling);
      expect((await get(`/${sibling}`, { 'Accept-Encoding': 'br, gzip' })).status).toBe(404);
    });
  });

  describe('content types', () => {
    it.each([
      ['.js', 'text/javascript; charset=utf-8', () => `/${assets.mainJs}`],
      ['.css', 'text/css; charset=utf-8', () => `/${assets.mainCss}`],
      ['.html', 'text/html; charset=utf-8', () => '/index.html'],
      ['.svg', 'image/svg+xml', () => '/favicon.svg'],
      ['.txt', 'text/plain; charset=utf-8', () => '/robots.txt'],
    ])('sends %s files as %s', async (_extension, type, path) => {
      const res = await get(path());
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(type);
    });
  });
});
