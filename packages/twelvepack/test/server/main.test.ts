import { spawnServer, type SpawnedServer } from '../support/spawnServer';

describe('the production server process', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it('starts, serves the app, and stops with exit 0 on SIGTERM', async () => {
    server = spawnServer();
    const url = await server.ready();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('id="app"');
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.map((line) => line.msg)).toEqual(expect.arrayContaining(['listening', 'shutting down', 'stopped']));
  });

  it('logs the effective config at start-up with secrets redacted', async () => {
    server = spawnServer({ env: { ADMIN_TOKEN: 'a-very-secret-admin-token-4242-Rk9vQm2xT7', LOG_LEVEL: 'info' } });
    await server.ready();
    const listening = server.logs.find((line) => line.msg === 'listening')!;
    expect(listening).toMatchObject({ level: 'info', pid: server.child.pid, config: { ADMIN_TOKEN: '[redacted]', LOG_LEVEL: 'info', PORT: 0 } });
    expect(JSON.stringify(server.logs)).not.toContain('a-very-secret-admin-token-4242-Rk9vQm2xT7');
  });

  it('refuses to start on bad configuration, listing every problem and exiting non-zero', async () => {
    server = spawnServer({ env: { PORT: 'abc', WEB_CONCURRENCY: '0', LOG_LEVEL: 'loud', ADMIN_TOKEN: 'weak-admin-token' } });
    const { code } = await server.exited;
    expect(code).toBe(1);
    const stderr = server.stderr();
    expect(stderr).toContain('4 problems');
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535 (got "abc")');
    expect(stderr).toContain('WEB_CONCURRENCY must be a whole number from 1 to 64 (got "0")');
    expect(stderr).toContain('LOG_LEVEL must be one of');
    expect(stderr).toContain('ADMIN_TOKEN is too weak for production: it must be at least 32 characters');
    expect(stderr).toContain('openssl rand -base64 32');
    expect(stderr).not.toContain('weak-admin-token');
  });

  it('shows public config from its own environment without a rebuild, and never a secret', async () => {
    const secret = 'runtime-secret-value-90210-Zq8WnL3vKe5J';
    for (const name of ['Staging Shop', 'Production Shop']) {
      server = spawnServer({ env: { PUBLIC_APP_NAME: name, ADMIN_TOKEN: secret } });
      const url = await server.ready();
      const html = await (await fetch(url)).text();
      expect(html).toContain(`"PUBLIC_APP_NAME":"${name}"`);
      const scripts = [...html.matchAll(/src="([^"]+)"/g)].map((match) => match[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      const bodies = await Promise.all(['/', '/env', ...scripts].map(async (path) => (await fetch(`${url}${path}`, { headers: { Accept: 'text/html' } })).text()));
      for (const body of bodies) expect(body).not.toContain(secret);
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});

describe('graceful shutdown', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  /** Opens a POST whose body arrives only when `finish` is called: a request that is in flight. */
  async function slowRequest(url: string) {
    const body = JSON.stringify({ errors: [{ kind: 'error', message: 'slow upload' }] });
    const { request } = await import('node:http');
    const req = request(`${url}/api/client-errors`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': String(body.length) } });
    const response = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    req.write(body.slice(0, 10));
    return { finish: () => req.end(body.slice(10)), response };
  }

  it('lets an in-flight request finish after SIGTERM, refuses new connections, then exits 0', async () => {
    server = spawnServer();
    const url = await server.ready();
    const slow = await slowRequest(url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    await server.waitForLog((line) => line.msg === 'shutting down');
    // A new connection is refused (fetch's pool may hold an idle one, which gets a grace to deliver a request).
    await expect(getOnNewConnection(`${url}/healthz`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(server.child.exitCode).toBeNull();
    slow.finish();
    expect(await slow.response).toBe(204);
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.some((line) => line.msg === 'client error')).toBe(true);
  });

  it('exits at once, non-zero, on a second signal', async () => {
    server = spawnServer();
    const url = await server.ready();
    const slow = await slowRequest(url);
    slow.response.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    await server.waitForLog((line) => line.msg === 'shutting down');
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(1);
    expect(server.logs.some((line) => line.msg === 'second signal: exiting now')).toBe(true);
  });

  it('forces the rest at the deadline and exits non-zero', async () => {
    server = spawnServer({ env: { SHUTDOWN_TIMEOUT_MS: '300' } });
    const url = await server.ready();
    const slow = await slowRequest(url);
    slow.response.catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(1);
    expect(server.logs.some((line) => line.msg === 'shutdown deadline passed; closing the remaining connections')).toBe(true);
  });
});

/** GET on a connection of its own (no keep-alive pool): resolves with the status. */
async function getOnNewConnection(url: string): Promise<number> {
  const { get } = await import('node:http');
  return new Promise((resolve, reject) => {
    get(url, { agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    }).on('error', reject);
  });
}
