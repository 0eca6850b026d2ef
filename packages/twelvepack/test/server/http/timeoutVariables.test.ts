import { spawnServer, type SpawnedServer } from '../../support/spawnServer';
import { connectRaw, parseHead } from './connectRaw';

describe('HEADERS_TIMEOUT_MS and REQUEST_TIMEOUT_MS in the production server process', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it('bound a slow-header client by the header limit set in the environment', async () => {
    server = spawnServer({ env: { HEADERS_TIMEOUT_MS: '300', REQUEST_TIMEOUT_MS: '5000' } });
    const { port } = new URL(await server.ready());
    const client = await connectRaw(Number(port));
    client.write('GET / HTTP/1.1\r\n');
    const timer = setInterval(() => client.write('X-Slow: a\r\n'), 50);
    const { afterMs } = await client.closed;
    clearInterval(timer);
    expect(parseHead(client.received())?.status).toBe(408);
    expect(afterMs).toBeLessThan(5000);
    await server.waitForLog((line) => line.msg === 'request timed out');
  });

  it('refuse to start with the header limit above the request limit, saying which to change', async () => {
    server = spawnServer({ env: { HEADERS_TIMEOUT_MS: '40000', REQUEST_TIMEOUT_MS: '30000' } });
    expect((await server.exited).code).toBe(1);
    expect(server.stderr()).toContain('HEADERS_TIMEOUT_MS must not be larger than REQUEST_TIMEOUT_MS (got HEADERS_TIMEOUT_MS=40000, REQUEST_TIMEOUT_MS=30000)');
  });
});
