import { cpSync, mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtAppDir } from '../support/builtApp';
import { spawnServer as spawnAppServer } from '../../src/testing/spawnServer';
import { spawnServer, type SpawnedServer } from '../support/spawnServer';

/** Which worker answers a request on a new connection (keep-alive would pin one worker). */
const servedBy = (url: string) =>
  new Promise<number>((resolve, reject) => {
    get(`${url}/api/greeting`, { agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(body) as { servedBy: number }).servedBy));
    }).on('error', reject);
  });

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
    const broken = mkdtempSync(join(tmpdir(), 'twelvepack-broken-'));
    mkdirSync(join(broken, 'dist'));
    cpSync(join(builtAppDir(), 'dist', 'server'), join(broken, 'dist', 'server'), { recursive: true });
    symlinkSync(join(builtAppDir(), 'node_modules'), join(broken, 'node_modules'), 'dir');
    server = spawnAppServer({ env: { WEB_CONCURRENCY: '2' }, command: 'node dist/server/main.js', dir: broken });
    const { code } = await server.exited;
    expect(code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 'fatal' && String(line.msg).includes('giving up'));
    expect(fatal).toBeDefined();
    expect(String(fatal!.lastError)).toContain('No client build found');
    expect(server.logs.filter((line) => line.msg === 'worker died; restarting').length).toBeLessThan(5);
  });
});

describe('a single process (WEB_CONCURRENCY=1)', () => {
  it('exits 1 with a clear message when the client build is missing', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'twelvepack-broken-'));
    mkdirSync(join(broken, 'dist'));
    cpSync(join(builtAppDir(), 'dist', 'server'), join(broken, 'dist', 'server'), { recursive: true });
    symlinkSync(join(builtAppDir(), 'node_modules'), join(broken, 'node_modules'), 'dir');
    const server = spawnAppServer({ command: 'node dist/server/main.js', dir: broken });
    expect((await server.exited).code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 'fatal');
    expect(String((fatal?.err as { message?: string } | undefined)?.message)).toContain('Run `npm run build`');
  });
});
