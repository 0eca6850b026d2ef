import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { builtDemoDir } from './support/builtDemo';

const ROOT = join(__dirname, '..');

describe('the Procfile', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it('runs the web command exactly as written, with PORT set, and `npm start` runs the same command', async () => {
    const web = /^web:\s*(.+)$/m.exec(readFileSync(join(ROOT, 'Procfile'), 'utf8'))?.[1];
    expect(web).toBeDefined();
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toBe(web);
    server = spawnServer({ dir: builtDemoDir(), command: web! });
    const url = await server.ready();
    expect((await fetch(`${url}/api/greeting`)).status).toBe(200);
  });
});
