import { Agent, createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiProcess } from '../../src/dev/createApiProcess';
import { createApiProxy } from '../../src/dev/createApiProxy';

const listen = (server: Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server) => new Promise((resolve) => server.close(resolve));

/** As much of an API process as the proxy asks: where the serving child is (here a real HTTP server), or none. */
const apiAt = (url: string | undefined): ApiProcess => ({ url: () => url, whenServing: async () => url, restart: async () => {}, stop: async () => {} });

/** What the API child saw of a request. */
interface Seen {
  method?: string;
  url?: string;
  host?: string;
  body: string;
}

describe("the dev server's door to the API (createApiProxy: Node's http, no http-proxy)", () => {
  let api: Server;
  let apiUrl = '';
  const seen: Seen = { body: '' };
  let dev: Server;
  let devUrl = '';
  let target: string | undefined;

  beforeAll(async () => {
    api = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        Object.assign(seen, { method: req.method, url: req.url, host: req.headers.host, body });
        if (req.url === '/api/stream') {
          res.writeHead(200, { 'Content-Type': 'text/plain' });
          res.write('one ');
          setTimeout(() => res.end('two'), 20);
          return;
        }
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-From': 'api', 'Set-Cookie': ['a=1', 'b=2'] });
        res.end(JSON.stringify({ ok: true }));
      });
    });
    apiUrl = await listen(api);
    dev = createServer((req, res) => {
      const proxy = createApiProxy(apiAt(target), (path) => path.startsWith('/api/'), 1000);
      proxy(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        res.end('the client');
      });
    });
    devUrl = await listen(dev);
  });
  afterAll(async () => {
    await close(dev);
    await close(api);
  });

  it("forwards an API path as it came (method, path and query, body, the dev server's Host) and answers with the child's status, headers and body", async () => {
    target = apiUrl;
    const answer = await fetch(`${devUrl}/api/items?x=1`, { method: 'POST', body: 'hello', headers: { 'Content-Type': 'text/plain' } });
    expect({ status: answer.status, from: answer.headers.get('x-from'), cookies: answer.headers.getSetCookie(), body: await answer.json() }).toEqual({
      status: 201,
      from: 'api',
      cookies: ['a=1', 'b=2'],
      body: { ok: true },
    });
    expect(seen).toEqual({ method: 'POST', url: '/api/items?x=1', host: new URL(devUrl).host, body: 'hello' });
  });

  it('streams an answer the child writes in parts', async () => {
    target = apiUrl;
    expect(await (await fetch(`${devUrl}/api/stream`)).text()).toBe('one two');
  });

  it('passes every other path to the next middleware', async () => {
    target = apiUrl;
    expect(await (await fetch(`${devUrl}/index.html`)).text()).toBe('the client');
  });

  it('answers 503 with Retry-After, saying where to look, when no child serves or the child refuses the connection', async () => {
    for (const url of [undefined, 'http://127.0.0.1:9']) {
      target = url;
      const answer = await fetch(`${devUrl}/api/items`);
      expect({ url, status: answer.status, retry: answer.headers.get('retry-after'), body: await answer.json() }).toEqual({
        url,
        status: 503,
        retry: '1',
        body: { error: 'The API server is not running; see the terminal.' },
      });
    }
  });

  it('keeps the browser connection alive across API requests (hop-by-hop headers are its own)', async () => {
    target = apiUrl;
    const statuses = await new Promise<number[]>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const got: number[] = [];
      const once = () =>
        request(`${devUrl}/api/items`, { agent }, (res) => {
          got.push(res.statusCode ?? 0);
          res.resume();
          res.on('end', () => (got.length < 3 ? once() : (agent.destroy(), resolve(got))));
        })
          .on('error', reject)
          .end();
      once();
    });
    expect(statuses).toEqual([201, 201, 201]);
  });
});
