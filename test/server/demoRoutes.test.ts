import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { builtDemoDir } from '../support/builtDemo';

/** The demo's own routes (src/server/), on its production build, as the platform runs it. */
describe("the demo's API", () => {
  let server: SpawnedServer;
  let url: string;

  beforeAll(async () => {
    const sqlite = join(mkdtempSync(join(tmpdir(), 'twelvepack-demo-')), 'kv.sqlite');
    server = spawnServer({ dir: builtDemoDir(), env: { PUBLIC_APP_NAME: 'Demo Shop', SQLITE_PATH: sqlite } });
    url = await server.ready();
  });
  afterAll(() => server?.kill());

  it('GET /api/greeting names the app from the server environment and the serving process', async () => {
    const res = await fetch(`${url}/api/greeting`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ greeting: 'Hello from the Demo Shop server', servedBy: server.child.pid });
  });

  it('POST /api/visits counts one more visit each time, in the store', async () => {
    const first = (await (await fetch(`${url}/api/visits`, { method: 'POST' })).json()) as { visits: number; store: string };
    const second = (await (await fetch(`${url}/api/visits`, { method: 'POST' })).json()) as { visits: number };
    expect(first.store).toBe('sqlite');
    expect(second.visits).toBe(first.visits + 1);
  });

  it.each([
    ['/api/greeting', 'DELETE', 'GET, HEAD'],
    ['/api/visits', 'GET', 'POST'],
  ])('answers %s with %s by 405 and the methods it takes', async (path, method, allow) => {
    const res = await fetch(`${url}${path}`, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
  });

  it('keeps the admin API closed without ADMIN_TOKEN', async () => {
    expect((await fetch(`${url}/api/admin/kv/twelvepack:visits`)).status).toBe(404);
  });
});
