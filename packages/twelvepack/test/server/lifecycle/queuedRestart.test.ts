// A deploy whose dist/ lands during a rolling restart, against a copy of the
// built fixture server: real cluster, real SIGHUPs, a real dist/ swap.
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIdOf, MANIFEST_FILE, type AssetManifest } from '../../../src/config/AssetManifest';
import { copyBuiltApp } from '../../support/copyBuiltApp';
import { servedBy } from '../../support/servedBy';
import { spawnServer, type SpawnedServer } from '../../../src/testing/spawnServer';

/**
 * The next deploy's dist/, staged beside the copy: the same build with one more public file, so its manifest,
 * and its build id, differ. Returns where it is and its id.
 */
function stageNextBuild(dir: string): { path: string; buildId: string } {
  const path = join(dir, 'next-dist');
  cpSync(join(dir, 'dist'), path, { recursive: true });
  const body = 'the next deploy\n';
  writeFileSync(join(path, 'client', 'deploy.txt'), body);
  const manifestPath = join(path, 'client', MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as AssetManifest;
  const files = { ...manifest.files, 'deploy.txt': { size: body.length, hash: 'next-deploy', immutable: false, encodings: {} } };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, files }));
  return { path, buildId: buildIdOf(readFileSync(manifestPath)) };
}

describe('a SIGHUP during a rolling restart', () => {
  let server: SpawnedServer | undefined;
  let dir = '';
  afterEach(() => {
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const linesSaying = (msg: string) => server!.logs.filter((line) => line.msg === msg);
  const startingWith = (prefix: string) => server!.logs.filter((line) => String(line.msg).startsWith(prefix));

  it('is queued: two sent during one cycle run one more cycle, and every worker ends on the newest build', async () => {
    dir = copyBuiltApp();
    const next = stageNextBuild(dir);
    server = spawnServer({ dir, env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => linesSaying('worker ready').length === 2);
    const firstBuild = linesSaying('worker ready')[0]!.buildId;
    expect(firstBuild).toBe(buildIdOf(readFileSync(join(dir, 'dist', 'client', MANIFEST_FILE))));

    server.child.kill('SIGHUP');
    await server.waitForLog((line) => line.msg === 'rolling restart');
    // The deploy lands mid-cycle: its dist/ swapped in, then its own SIGHUP, and one more.
    renameSync(join(dir, 'dist'), join(dir, 'previous-dist'));
    renameSync(next.path, join(dir, 'dist'));
    server.child.kill('SIGHUP');
    await server.waitForLog((line) => String(line.msg).startsWith('rolling restart queued'));
    server.child.kill('SIGHUP');
    await server.waitForLog((line) => String(line.msg).startsWith('rolling restart already queued'));

    const queuedStart = () => server!.logs.findIndex((line) => line.msg === 'rolling restart' && line.queued === true);
    await server.waitForLog(() => queuedStart() !== -1 && server!.logs.slice(queuedStart()).some((line) => line.msg === 'rolling restart done'), 60_000);

    // One queued cycle ran, after the first had replaced both workers; no repeat was needed after it.
    expect(linesSaying('rolling restart').map((line) => line.queued)).toEqual([false, true]);
    expect(startingWith('rolling restart queued')).toHaveLength(1);
    expect(startingWith('rolling restart already queued')).toHaveLength(1);
    expect(server.logs.slice(0, queuedStart()).filter((line) => line.msg === 'worker stopped (replaced)')).toHaveLength(2);
    expect(linesSaying('rolling restart done').at(-1)).toMatchObject({ buildId: next.buildId, replaced: 2 });

    // Every worker serving now says, in its ready line, that it loaded the newest build.
    const buildOf = new Map(linesSaying('worker ready').map((line) => [line.workerPid as number, line.buildId]));
    const pids = new Set<number>();
    for (let i = 0; i < 10; i += 1) pids.add(await servedBy(url));
    expect(pids.size).toBe(2);
    for (const pid of pids) expect(buildOf.get(pid)).toBe(next.buildId);
    expect(await fetch(`${url}/deploy.txt`).then((res) => res.status)).toBe(200);
    expect(server.logs.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  }, 90_000);
});
