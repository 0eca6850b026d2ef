import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appPackageJson, type ToolkitPackage } from '../../src/cli/appPackageJson';
import { spawnServer, type SpawnedServer } from '../../src/testing/spawnServer';
import { makeProject, TOOLKIT } from './makeProject';
import { CLASSIC, CLOUD_NATIVE, countBuilds, replayBuildpack, runScript, type Buildpack, type ScriptRun } from './replayBuildpack';

/** The scripts `twelvepack init` gives a new app (the demo's package.json has the same build scripts). */
const SCRIPTS = (
  JSON.parse(
    appPackageJson({
      name: 'fixture-app',
      template: 'vanilla',
      toolkit: JSON.parse(readFileSync(join(TOOLKIT, 'package.json'), 'utf8')) as ToolkitPackage,
      nodeVersion: process.version,
      start: 'node dist/server/main.js',
    }),
  ) as { scripts: Record<string, string> }
).scripts;

/** Each script the buildpack ran, how it ended and how many webpack builds it ran. */
const buildsPerScript = (runs: readonly ScriptRun[]) => runs.map(({ script, status, output }) => ({ script, status, builds: countBuilds(output) }));

/** A fresh install (no dist/) of the fixture app, with a new app's scripts, built as the buildpack builds it. */
function deployFresh(buildpack: Buildpack) {
  const dir = mkdtempSync(join(tmpdir(), 'twelvepack-buildpack-'));
  const root = makeProject(join(dir, 'app'), { app: true, scripts: SCRIPTS });
  return { dir, root, runs: replayBuildpack(buildpack, root, SCRIPTS) };
}

/** The client's entry bundle as the build wrote it, by the name the asset manifest gives it. */
function mainBundle(root: string): { name: string; code: string } {
  const manifest = JSON.parse(readFileSync(join(root, 'dist', 'client', 'asset-manifest.json'), 'utf8')) as { files: Record<string, unknown> };
  const name = Object.keys(manifest.files).find((file) => /^main(\.[^.]+)?\.js$/.test(file));
  if (name === undefined) throw new Error(`no main bundle in the asset manifest: ${Object.keys(manifest.files).join(', ')}`);
  return { name, code: readFileSync(join(root, 'dist', 'client', name), 'utf8') };
}

describe(`a fresh install on ${CLASSIC.name}`, () => {
  let deploy: ReturnType<typeof deployFresh>;
  beforeAll(() => {
    deploy = deployFresh(CLASSIC);
  });
  afterAll(() => rmSync(deploy.dir, { recursive: true, force: true }));

  it('runs exactly one webpack build: npm ci builds, heroku-postbuild (run instead of build) sees dist/ fresh', () => {
    expect(buildsPerScript(deploy.runs)).toEqual([
      { script: 'postinstall', status: 0, builds: 1 },
      { script: 'heroku-postbuild', status: 0, builds: 0 },
    ]);
    expect(deploy.runs[1]?.output).toContain('not building: dist/ is already built');
  });

  // In the folder the replay above left fresh (its stamp matches these inputs).
  it('leaves `npm run build` by hand building anyway, though dist/ is fresh', () => {
    const { status, output } = runScript(deploy.root, 'build', CLASSIC.env);
    expect({ status, builds: countBuilds(output) }).toEqual({ status: 0, builds: 1 });
  });
});

describe(`a fresh install on ${CLOUD_NATIVE.name}`, () => {
  let deploy: ReturnType<typeof deployFresh>;
  let server: SpawnedServer | undefined;
  beforeAll(() => {
    deploy = deployFresh(CLOUD_NATIVE);
  });
  afterEach(() => server?.kill());
  afterAll(() => rmSync(deploy.dir, { recursive: true, force: true }));

  it('runs exactly one webpack build: npm ci builds, heroku-build (run instead of build) and heroku-postbuild see dist/ fresh', () => {
    expect(buildsPerScript(deploy.runs)).toEqual([
      { script: 'postinstall', status: 0, builds: 1 },
      { script: 'heroku-build', status: 0, builds: 0 },
      { script: 'heroku-postbuild', status: 0, builds: 0 },
    ]);
  });

  it('makes a production build though NODE_ENV is unset: hashed, minified, NODE_ENV inlined as production', () => {
    const { name, code } = mainBundle(deploy.root);
    expect(name).toMatch(/^main\.[0-9a-f]{8}\.js$/);
    // Terser writes the whole bundle on one line, comments dropped (hidden source maps add no comment).
    expect(code.split('\n').filter((line) => line !== '')).toHaveLength(1);
    expect(code).toContain('NODE_ENV:"production"');
    expect(code).not.toMatch(/NODE_ENV:"(development|test)"/);
  });

  it('serves with HEROKU_AVAILABLE_PARALLELISM workers when WEB_CONCURRENCY is unset, and says so', async () => {
    server = spawnServer({ dir: deploy.root, env: { HEROKU_AVAILABLE_PARALLELISM: '2' } });
    const primary = await server.waitForLog((line) => line.msg === 'starting cluster primary');
    expect(primary).toMatchObject({ workers: 2, workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' });
    await server.waitForLog(() => server!.logs.filter((line) => line.msg === 'listening').length === 2);
    const listening = server.logs.filter((line) => line.msg === 'listening');
    expect(new Set(listening.map((line) => line.pid)).size).toBe(2);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });

  it('serves one process when neither variable is set, and its listening line says the count is the default', async () => {
    server = spawnServer({ dir: deploy.root });
    await server.ready();
    expect(server.logs.find((line) => line.msg === 'listening')).toMatchObject({ workers: 1, workersFrom: 'default' });
    expect(server.logs.some((line) => line.msg === 'starting cluster primary')).toBe(false);
  });
});
