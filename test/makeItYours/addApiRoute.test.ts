// Make it yours: "Add an API route". The one file edited: src/app.ts (a row in
// its routes table, with the handler written inline).
import { rmSync } from 'node:fs';
import { spawnServer, type SpawnedServer } from 'twelvepack/testing';
import { copyProject } from '../support/copyProject';
import { editFile } from '../support/editFile';
import { buildProject } from '../support/runTwelvepack';

describe('Make it yours: add an API route (edit src/app.ts)', () => {
  let project: string | undefined;
  let server: SpawnedServer | undefined;
  let url: string;

  beforeAll(async () => {
    project = copyProject();
    editFile(project, 'src/app.ts', "import { adminKvRoute } from 'twelvepack/server';", "import { adminKvRoute, json } from 'twelvepack/server';");
    editFile(
      project,
      'src/app.ts',
      '  routes: [\n',
      "  routes: [\n    { path: '/api/status', methods: ['GET'], handler: (_req, { config }) => json(200, { status: 'up', app: config.PUBLIC_APP_NAME }) },\n",
    );
    await buildProject(project);
    server = spawnServer({ dir: project });
    url = await server.ready();
  });

  afterAll(() => {
    server?.kill();
    if (project !== undefined) rmSync(project, { recursive: true, force: true });
  });

  it('is served by the production build (npm run build, then npm start)', async () => {
    const response = await fetch(`${url}/api/status`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'up', app: 'twelvepack' });
  });

  it('answers another method with 405 and the methods it allows', async () => {
    const response = await fetch(`${url}/api/status`, { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
