import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESPAWN_BACKING_OFF } from '../../src/server/lifecycle/reportWorkerExit';
import { RESTART_STOPPED } from '../../src/server/lifecycle/rollingRestart';
import { copyBuiltApp as copyBuild } from '../support/copyBuiltApp';
import { startKeepAliveLoad, type KeepAliveLoad } from '../support/keepAliveLoad';
import { servedBy } from '../support/servedBy';
import { spawnServer as spawnAppServer } from '../../src/testing/spawnServer';
import { spawnServer, type SpawnedServer } from '../support/spawnServer';

describe('the cluster (WEB_CONCURRENCY > 1)', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it('forks that many workers, which share the port round-robin, and stops them all with exit 0', async () => {
    server = spawnServer({ env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog((line) => line.msg === 'worker ready' && server!.logs.filter((l) => l.msg === 'worker ready').length === 2);
    const pids = new Set<number>();
    for (let i = 0; i < 10; i += 1) pids.add(await servedBy(url));
    expect(pids.size).toBe(2);
    expect(pids.has(server.child.pid!)).toBe(false);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(server.logs.filter((line) => line.msg === 'worker stopped')).toHaveLength(2);
    // Never respawned during shutdown.
    expect(server.logs.filter((line) => line.msg === 'worker ready')).toHaveLength(2);
    expect(server.logs.some((line) => line.msg === 'worker died; restarting')).toBe(false);
  });

  it('restarts a crashed worker while the other keeps serving', async () => {
    server = spawnServer({ env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => server!.logs.filter((l) => l.msg === 'worker ready').length === 2);
    const victim = await servedBy(url);
    process.kill(victim, 'SIGKILL');
    // Connections the primary handed to the victim before it noticed the crash are lost (a hard crash);
    // from then on, the surviving worker serves every request while the replacement boots.
    await server.waitForLog((line) => line.msg === 'worker died; restarting' && line.workerPid === victim);
    for (let i = 0; i < 10; i += 1) expect(await servedBy(url)).not.toBe(victim);
    await server.waitForLog(() => server!.logs.filter((l) => l.msg === 'worker ready').length === 3);
    const pids = new Set<number>();
    for (let i = 0; i < 10; i += 1) pids.add(await servedBy(url));
    expect(pids.size).toBe(2);
    expect(pids.has(victim)).toBe(false);
  });

  it('gives up with exit 1 and the last error when workers die at boot, instead of looping', async () => {
    // A deploy with a server bundle but no client build: every worker fails to boot.
    const broken = copyBuild({ client: false });
    server = spawnAppServer({ env: { WEB_CONCURRENCY: '2' }, command: 'node dist/server/main.js', dir: broken });
    const { code } = await server.exited;
    expect(code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 'fatal' && String(line.msg).includes('giving up'));
    expect(fatal).toBeDefined();
    expect(String(fatal!.lastError)).toContain('No client build found');
    expect(server.logs.filter((line) => line.msg === 'worker died; restarting').length).toBeLessThan(5);
  });
});

describe('a cluster whose new workers cannot boot (the client build removed after start)', () => {
  let server: SpawnedServer | undefined;
  let load: KeepAliveLoad | undefined;
  let dir = '';
  beforeEach(() => {
    dir = copyBuild();
  });
  afterEach(async () => {
    // A spec that failed midway leaves its load running: it would keep jest from exiting.
    await load?.stop();
    load = undefined;
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  const manifestPath = () => join(dir, 'dist', 'client', 'asset-manifest.json');

  /** Starts two workers on the copy, waits until both are ready, then breaks the build under them. */
  async function startThenBreak() {
    server = spawnAppServer({ dir, env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => server!.logs.filter((line) => line.msg === 'worker ready').length === 2);
    const manifest = readFileSync(manifestPath());
    rmSync(manifestPath());
    const workers = server.logs.filter((line) => line.msg === 'worker ready').map((line) => line.workerPid as number);
    return { url, workers, restore: () => writeFileSync(manifestPath(), manifest) };
  }

  it('keeps the old workers serving, and the primary up, through six rolling restarts that fail', async () => {
    const { url, workers } = await startThenBreak();
    load = startKeepAliveLoad(url);
    for (let i = 1; i <= 6; i += 1) {
      server!.child.kill('SIGHUP');
      await server!.waitForLog(() => server!.logs.filter((line) => String(line.msg).startsWith('rolling restart stopped')).length === i);
    }
    const result = await load.stop();
    load = undefined;
    expect(result.answered).toBeGreaterThan(0);
    expect(result).toMatchObject({ statuses: { 200: result.answered }, errors: {} });
    for (let i = 0; i < 6; i += 1) expect(workers).toContain(await servedBy(url));
    expect((await fetch(url)).status).toBe(200);

    expect(server!.child.exitCode).toBeNull();
    const stopped = server!.logs.filter((line) => line.msg === RESTART_STOPPED);
    expect(stopped).toHaveLength(6);
    expect(stopped[5]).toMatchObject({ level: 'error', replaced: 0, reason: 'SIGHUP' });
    expect(String(stopped[5]!.lastError)).toContain('No client build found');
    expect(RESTART_STOPPED).toContain('send SIGHUP again');
    expect(server!.logs.filter((line) => line.level === 'fatal' && line.pid === server!.child.pid)).toEqual([]);
    server!.child.kill('SIGTERM');
    expect(await server!.exited).toEqual({ code: 0, signal: null });
  }, 60_000);

  it('backs off respawning a killed worker while the other keeps serving, and recovers once the build is back', async () => {
    const { url, workers, restore } = await startThenBreak();
    const [victim, survivor] = workers as [number, number];
    process.kill(victim, 'SIGKILL');
    await server!.waitForLog((line) => line.msg === 'worker died; restarting' && line.workerPid === victim);
    load = startKeepAliveLoad(url);
    // As many failed boots as the primary allows with no worker serving (maxBootFailures): none counts, one serves.
    const backingOff = () => server!.logs.filter((line) => line.msg === RESPAWN_BACKING_OFF);
    await server!.waitForLog(() => backingOff().length === 5, 60_000);
    const result = await load.stop();
    load = undefined;
    expect(result.answered).toBeGreaterThan(0);
    expect(result).toMatchObject({ statuses: { 200: result.answered }, errors: {} });
    expect(await servedBy(url)).toBe(survivor);

    expect(server!.child.exitCode).toBeNull();
    const delays = backingOff().map((line) => line.restartInMs as number);
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(delays[4]).toBeGreaterThan(delays[0]!);
    expect(backingOff()[4]).toMatchObject({ level: 'error', serving: 1 });
    expect(String(backingOff()[4]!.lastError)).toContain('No client build found');
    expect(server!.logs.filter((line) => line.level === 'fatal' && line.pid === server!.child.pid)).toEqual([]);

    // Still trying: the next respawn loads the repaired build, and both workers serve again.
    restore();
    await server!.waitForLog(() => server!.logs.filter((line) => line.msg === 'worker ready').length === 3, 30_000);
    const pids = new Set<number>();
    for (let i = 0; i < 10; i += 1) pids.add(await servedBy(url));
    expect(pids.size).toBe(2);
    expect(pids.has(survivor)).toBe(true);
    server!.child.kill('SIGTERM');
    expect(await server!.exited).toEqual({ code: 0, signal: null });
  }, 90_000);
});

describe('a single process (WEB_CONCURRENCY=1)', () => {
  it('exits 1 with a clear message when the client build is missing', async () => {
    const broken = copyBuild({ client: false });
    const server = spawnAppServer({ command: 'node dist/server/main.js', dir: broken });
    expect((await server.exited).code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 'fatal');
    expect(String((fatal?.err as { message?: string } | undefined)?.message)).toContain('Run `npm run build`');
  });
});
