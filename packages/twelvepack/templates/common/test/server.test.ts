import { join } from 'node:path';
import { buildApp, findFreshBuild, spawnServer, type SpawnedServer } from 'twelvepack/testing';
import app from '../src/app';

const ROOT = join(__dirname, '..');

/**
 * The production build, started as the platform starts it: dist/ when it is exactly what the sources build (npm
 * install built it), otherwise a fresh build in a temp folder, so the spec never runs against a stale one.
 */
describe('the built server', () => {
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    const dir = findFreshBuild({ root: ROOT, app }) ?? (await buildApp({ root: ROOT, app }));
    server = spawnServer({ dir, env: { PUBLIC_APP_NAME: 'Test Shop' } });
    url = await server.ready();
  }, 180_000);
  afterAll(() => server?.kill());

  it('serves the page, with the public name of its own environment in the title', async () => {
    const res = await fetch(`${url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('<title>Test Shop</title>');
  });

  it('answers GET /api/hello with JSON', async () => {
    const res = await fetch(`${url}/api/hello`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Hello from the Test Shop server' });
  });
});
