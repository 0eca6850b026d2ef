import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';

const ROOT = join(__dirname, '..');

/** The production build in dist/, started as the platform starts it (npm install builds it once; so does npm run build). */
describe('the built server', () => {
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'server', 'main.js'))) {
      throw new Error('There is no production build in dist/: run `npm run build` (npm install runs it once), then `npm test` again.');
    }
    server = spawnServer({ dir: ROOT, env: { PUBLIC_APP_NAME: 'Test Shop' } });
    url = await server.ready();
  });
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
