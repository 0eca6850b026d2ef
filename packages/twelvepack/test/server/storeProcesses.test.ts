import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtAppDir } from '../support/builtApp';
import { describeWithRedis, startRedis, type TestRedis } from '../../src/testing/startRedis';
import { spawnServer, type SpawnedServer } from '../support/spawnServer';

/** POST /api/visits on a new connection (keep-alive would pin one worker). */
const countVisit = (url: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request(`${url}/api/visits`, { method: 'POST', agent: false }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => (res.statusCode === 200 ? resolve((JSON.parse(body) as { visits: number }).visits) : reject(new Error(`${res.statusCode} ${body}`))));
    });
    req.on('error', reject);
    req.end();
  });

/** Runs `node dist/server/kv.js …` as the README's `npm run kv` does; resolves with its exit code and output. */
const kv = (env: Record<string, string>, ...args: string[]) =>
  new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [join(builtAppDir(), 'dist', 'server', 'kv.js'), ...args], {
      cwd: builtAppDir(),
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout: stdout.trim(), stderr }));
  });

/** Several processes at once, each incrementing the same key several times in a row. */
async function incrementFromProcesses(env: Record<string, string>, processes: number, each: number): Promise<void> {
  await Promise.all(
    Array.from({ length: processes }, async () => {
      for (let i = 0; i < each; i += 1) expect((await kv(env, 'incr', 'shared-counter')).code).toBe(0);
    }),
  );
}

/** An admin session through the real script: exact past 2^53, then the overflow, exit 5. */
async function expectExactIncrements(env: Record<string, string>): Promise<void> {
  expect((await kv(env, 'set', 'b', '9223372036854775806')).code).toBe(0);
  expect(await kv(env, 'incr', 'b')).toEqual({ code: 0, stdout: '9223372036854775807', stderr: '' });
  const overflow = await kv(env, 'incr', 'b');
  expect(overflow).toEqual({ code: 5, stdout: '', stderr: expect.stringMatching(/^kv: Incrementing "b" would overflow: its value is already 9223372036854775807/) });
}

const sqliteEnv = () => ({ SQLITE_PATH: join(mkdtempSync(join(tmpdir(), 'twelvepack-sqlite-')), 'kv.sqlite') });

describe('the SQLite store in real processes', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it('is the default: npm start with no store configuration counts visits in the SQLite file', async () => {
    const env = sqliteEnv();
    server = spawnServer({ env });
    const url = await server.ready();
    expect([await countVisit(url), await countVisit(url), await countVisit(url)]).toEqual([1, 2, 3]);
    expect(server.logs.find((line) => line.msg === 'store opened')).toMatchObject({ store: 'sqlite' });
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(server.logs.filter((line) => line.msg === 'store closed')).toHaveLength(1);
    // The count outlives the process: it is in the file.
    expect((await kv(env, 'get', 'twelvepack:visits')).stdout).toBe('3');
  });

  it('is shared by cluster workers, opened once per worker, exact under concurrent increments, and closed at shutdown', async () => {
    const env = sqliteEnv();
    server = spawnServer({ env: { ...env, WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => server!.logs.filter((line) => line.msg === 'worker ready').length === 2);
    const counts = await Promise.all(Array.from({ length: 100 }, () => countVisit(url)));
    expect(new Set(counts).size).toBe(100);
    expect(Math.max(...counts)).toBe(100);
    expect(new Set(server.logs.filter((line) => line.msg === 'request').map((line) => line.pid)).size).toBe(2);
    // Opened once per process, never per request.
    expect(server.logs.filter((line) => line.msg === 'store opened')).toHaveLength(2);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(server.logs.filter((line) => line.msg === 'store closed')).toHaveLength(2);
  });

  it('keeps the total exact when several processes increment one key at once', async () => {
    const env = sqliteEnv();
    await incrementFromProcesses(env, 6, 8);
    expect((await kv(env, 'get', 'shared-counter')).stdout).toBe('48');
  });
  it('npm run kv prints exact 64-bit values: set b 9223372036854775806; incr b prints 9223372036854775807, then the overflow', async () => {
    await expectExactIncrements(sqliteEnv());
  });
});

describeWithRedis('the Redis store in real processes', () => {
  let redis: TestRedis;
  let server: SpawnedServer | undefined;
  const twelvepackClients = async () => (await redis.command('CLIENT', 'LIST')).split('\n').filter((line) => line.includes('name=twelvepack')).length;

  beforeAll(async () => {
    redis = await startRedis({ password: 'redis-password-never-logged-77' });
  });
  afterEach(async () => {
    server?.kill();
    await redis.start().catch(() => undefined);
    await redis.command('FLUSHALL');
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('is used when REDIS_URL is set: one connection per worker, however many requests, none after shutdown', async () => {
    server = spawnServer({ env: { REDIS_URL: redis.url, WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await server.waitForLog(() => server!.logs.filter((line) => line.msg === 'worker ready').length === 2);
    const counts = await Promise.all(Array.from({ length: 100 }, () => countVisit(url)));
    expect(Math.max(...counts)).toBe(100);
    expect(server.logs.find((line) => line.msg === 'store opened')).toMatchObject({ store: 'redis' });
    expect(await twelvepackClients()).toBe(2);
    server.child.kill('SIGTERM');
    expect((await server.exited).code).toBe(0);
    expect(await twelvepackClients()).toBe(0);
  });

  it('never logs the URL password', async () => {
    server = spawnServer({ env: { REDIS_URL: redis.url } });
    await server.ready();
    const listening = server.logs.find((line) => line.msg === 'listening')!;
    expect((listening.config as Record<string, unknown>).REDIS_URL).toBe('[redacted]');
    expect(JSON.stringify(server.logs) + server.stderr()).not.toContain('redis-password-never-logged-77');
  });

  it('answers 503 while Redis is down and recovers by itself when it is back', async () => {
    server = spawnServer({ env: { REDIS_URL: redis.url } });
    const url = await server.ready();
    expect(await countVisit(url)).toBe(1);
    await redis.stop();
    const down = await fetch(`${url}/api/visits`, { method: 'POST', signal: AbortSignal.timeout(10_000) });
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('1');
    expect(((await down.json()) as { error: string }).error).toContain('store is unavailable');
    await redis.start();
    const started = Date.now();
    let status = 0;
    while (status !== 200 && Date.now() - started < 20_000) {
      status = (await fetch(`${url}/api/visits`, { method: 'POST' })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });

  it('stops the start with a clear error when Redis cannot be reached at boot', async () => {
    const unreachable = redis.url.replace(`:${redis.port}`, ':1');
    server = spawnServer({ env: { REDIS_URL: unreachable } });
    expect((await server.exited).code).toBe(1);
    const fatal = server.logs.find((line) => line.level === 'fatal');
    expect(String((fatal?.err as { message?: string })?.message)).toMatch(/Cannot connect to Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1.*Start Redis or fix STORE_URL\/REDIS_URL/);
    expect(JSON.stringify(server.logs)).not.toContain('redis-password-never-logged-77');
  });

  it('keeps the total exact when several processes increment one key at once, and each script exits', async () => {
    await incrementFromProcesses({ REDIS_URL: redis.url }, 6, 8);
    expect((await kv({ REDIS_URL: redis.url }, 'get', 'shared-counter')).stdout).toBe('48');
    expect(await twelvepackClients()).toBe(0);
    expect((await kv({ REDIS_URL: redis.url }, 'get', 'missing')).code).toBe(1);
  });

  it('npm run kv prints exact 64-bit values: set b 9223372036854775806; incr b prints 9223372036854775807, then the overflow', async () => {
    await expectExactIncrements({ REDIS_URL: redis.url });
  });
});
