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
  });
});
