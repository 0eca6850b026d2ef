// The documented deploy on a VM, `npm run build && kill -HUP <primary pid>`,
// with the real build verb in a temp project of the fixture app, a real
// cluster and a real SIGHUP: a page loaded before the deploy keeps its scripts.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MANIFEST_FILE, type AssetManifest } from '../../../src/config/AssetManifest';
import { spawnServer, type SpawnedServer } from '../../../src/testing/spawnServer';
import { makeProject, TOOLKIT } from '../../cli/makeProject';
import { builtAppDir } from '../../support/builtApp';
import { startKeepAliveLoad, type KeepAliveLoad } from '../../support/keepAliveLoad';
import { runCommand } from '../../support/runCommand';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The page's hashed main script in the project's dist/, by its manifest. */
function mainScriptOf(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'dist', 'client', MANIFEST_FILE), 'utf8')) as AssetManifest;
  const name = Object.keys(manifest.files).find((file) => /^main\.[0-9a-f]+\.js$/.test(file));
  if (name === undefined) throw new Error(`no main.<hash>.js in ${Object.keys(manifest.files).join(', ')}`);
  return `/${name}`;
}

/** One GET on a connection of its own (so the cluster may hand it to any worker): status, caching, request id. */
const probe = (url: string, path: string) =>
  new Promise<{ status?: number; cacheControl?: string; requestId: string }>((resolve, reject) => {
    get(`${url}${path}`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, cacheControl: res.headers['cache-control'], requestId: String(res.headers['x-request-id']) }));
    }).on('error', reject);
  });

describe('npm run build && kill -HUP (WEB_CONCURRENCY=2)', () => {
  let root = '';
  let server: SpawnedServer | undefined;
  let load: KeepAliveLoad | undefined;
  beforeAll(() => {
    root = makeProject(mkdtempSync(join(tmpdir(), 'twelvepack-deploy-')), { app: true });
    // The build serving before the deploy: the shared test build of the same app, as `npm run build` left it.
    cpSync(join(builtAppDir(), 'dist'), join(root, 'dist'), { recursive: true });
  });
  afterAll(async () => {
    await load?.stop();
    server?.kill();
    rmSync(root, { recursive: true, force: true });
  });

  it('leaves the previous build’s script answering 200, immutable, from every worker, during the cycle and after it', async () => {
    const oldMain = mainScriptOf(root);
    server = spawnServer({ dir: root, env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => server!.logs.filter((line) => line.msg === 'worker ready').length === 2);
    // A page loaded before the deploy, which will ask for its script (or a lazy chunk) later.
    expect(await fetch(url).then((res) => res.text())).toContain(`src="${oldMain}"`);

    appendFileSync(join(root, 'src', 'client', 'main.ts'), "\nconsole.log('the next deploy');\n");
    const build = await runCommand(process.execPath, [join(TOOLKIT, 'src', 'cli', 'build.js')], { cwd: root, timeoutMs: 170_000 });
    expect(build).toMatchObject({ code: 0 });
    const newMain = mainScriptOf(root);
    expect(newMain).not.toBe(oldMain);

    load = startKeepAliveLoad(url, { path: oldMain });
    server.child.kill('SIGHUP');
    const during: Awaited<ReturnType<typeof probe>>[] = [];
    while (!server.logs.some((line) => line.msg === 'rolling restart done')) during.push(await probe(url, oldMain));
    const result = await load.stop();
    load = undefined;
    expect(result).toMatchObject({ statuses: { 200: result.answered }, errors: {} });
    expect(during.length).toBeGreaterThan(0);
    for (const answer of during) expect(answer).toMatchObject({ status: 200, cacheControl: IMMUTABLE });

    // After the cycle both workers are new, built without the old script, and both serve it, kept.
    const restartAt = server.logs.findIndex((line) => line.msg === 'rolling restart');
    const newWorkers = server.logs.slice(restartAt).filter((line) => line.msg === 'worker ready').map((line) => line.workerPid);
    expect(newWorkers).toHaveLength(2);
    const after = await Promise.all(Array.from({ length: 10 }, () => probe(url, oldMain)));
    for (const answer of after) expect(answer).toMatchObject({ status: 200, cacheControl: IMMUTABLE });
    const ids = new Set(after.map((answer) => answer.requestId));
    const linesOf = () => server!.logs.filter((line) => line.msg === 'request' && ids.has(String(line.requestId)));
    await server.waitForLog(() => linesOf().length === ids.size);
    expect(new Set(linesOf().map((line) => line.pid))).toEqual(new Set(newWorkers));

    // The page itself is the new build's, and so is its script.
    const page = await fetch(url).then((res) => res.text());
    expect(page).toContain(`src="${newMain}"`);
    expect(page).not.toContain(oldMain);
    expect(await probe(url, newMain)).toMatchObject({ status: 200, cacheControl: IMMUTABLE });
    expect(server.logs.filter((line) => line.msg === 'listening' && Array.isArray(line.keptBuilds) && line.keptBuilds.length === 1)).toHaveLength(2);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 240_000);
});
