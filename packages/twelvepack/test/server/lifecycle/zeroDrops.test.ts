// Zero dropped requests: rolling restarts, graceful stops and a dead primary,
// each under real keep-alive load against the built fixture server (child
// processes, real signals). Counts, never timings.
import { NEW_CONNECTION, startKeepAliveLoad, type LoadResult } from '../../support/keepAliveLoad';
import { spawnServer, type SpawnedServer } from '../../support/spawnServer';

const RESTARTS = 10;

/** Request lines the server logged for the load's path. */
const requestLines = (server: SpawnedServer) => server.logs.filter((line) => line.msg === 'request' && line.path === '/api/greeting');

/** Resolves once `count` lines match. */
const waitForCount = (server: SpawnedServer, match: (line: Record<string, unknown>) => boolean, count: number, timeoutMs = 60_000) =>
  server.waitForLog(() => server.logs.filter(match).length >= count, timeoutMs);

/**
 * What a stopping server may do to a connection it never took: refuse it once its listener is closed, or reset it
 * while it waits (in the kernel's accept queue, or queued by Node's cluster primary when the last worker closes).
 * No request on it reached the app; the exact count of request lines against answers checks that.
 */
const NEVER_TAKEN = [`ECONNREFUSED${NEW_CONNECTION}`, `ECONNRESET${NEW_CONNECTION}`];

/** A load result with only what was not answered 200: empty statuses and errors when nothing was dropped. */
const dropped = ({ statuses, errors }: LoadResult, allowed: readonly string[] = []) => ({
  statuses: Object.fromEntries(Object.entries(statuses).filter(([status]) => status !== '200')),
  errors: Object.fromEntries(Object.entries(errors).filter(([code]) => !allowed.includes(code))),
});

describe('zero dropped requests under keep-alive load', () => {
  let server: SpawnedServer | undefined;
  afterEach(() => server?.kill());

  it(`rolls through ${RESTARTS} restarts (SIGHUP to the primary, WEB_CONCURRENCY=2) without failing a request, and logs every one`, async () => {
    server = spawnServer({ env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await waitForCount(server, (line) => line.msg === 'worker ready', 2);
    const load = startKeepAliveLoad(url);
    for (let i = 1; i <= RESTARTS; i += 1) {
      const answeredBefore = load.answered();
      server.child.kill('SIGHUP');
      await waitForCount(server, (line) => line.msg === 'rolling restart done', i);
      // Traffic flowed during the cycle (the load is not idle between restarts).
      await polled(() => load.answered() > answeredBefore + 50);
    }
    const result = await load.stop();
    expect(dropped(result)).toEqual({ statuses: {}, errors: {} });
    expect(result.answered).toBeGreaterThan(RESTARTS * 50);

    // Each cycle replaced both workers, as planned exits (info), never a crash.
    expect(server.logs.filter((line) => line.msg === 'worker stopped (replaced)')).toHaveLength(RESTARTS * 2);
    expect(server.logs.filter((line) => line.msg === 'worker ready')).toHaveLength(2 + RESTARTS * 2);
    expect(server.logs.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(requestLines(server)).toHaveLength(result.answered);
  }, 180_000);

  it.each([
    ['a single process', '1'],
    ['a cluster', '2'],
  ])('stops %s on SIGTERM without resetting a request it accepted, and logs every one', async (_name, workers) => {
    server = spawnServer({ env: { WEB_CONCURRENCY: workers } });
    const url = await server.ready();
    if (workers === '2') await waitForCount(server, (line) => line.msg === 'worker ready', 2);
    const load = startKeepAliveLoad(url);
    await polled(() => load.answered() > 500);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    const result = await load.stop();
    // Once the server stopped listening, new connections are refused or reset before it takes them: never dropped.
    expect(dropped(result, NEVER_TAKEN)).toEqual({ statuses: {}, errors: {} });
    expect(requestLines(server)).toHaveLength(result.answered);
  }, 60_000);

  it('replaces a worker stopped by hand (SIGTERM to it alone) without failing a request, as a planned exit', async () => {
    server = spawnServer({ env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await waitForCount(server, (line) => line.msg === 'worker ready', 2);
    const workers = server.logs.filter((line) => line.msg === 'worker ready').map((line) => line.workerPid as number);
    const load = startKeepAliveLoad(url);
    for (const [i, pid] of workers.entries()) {
      const answeredBefore = load.answered();
      process.kill(pid, 'SIGTERM');
      await waitForCount(server, (line) => line.msg === 'worker ready', 3 + i);
      await polled(() => load.answered() > answeredBefore + 50);
    }
    const result = await load.stop();
    expect(dropped(result)).toEqual({ statuses: {}, errors: {} });
    expect(server.logs.filter((line) => line.msg === 'worker stopped on its own; starting another')).toHaveLength(2);
    expect(server.logs.filter((line) => line.level === 'error' || line.level === 'fatal')).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(requestLines(server)).toHaveLength(result.answered);
  }, 60_000);

  it('has every worker stop gracefully, answering and logging what it holds, when the primary is killed (kill -9)', async () => {
    server = spawnServer({ env: { WEB_CONCURRENCY: '2' } });
    const url = await server.ready();
    await waitForCount(server, (line) => line.msg === 'worker ready', 2);
    const workers = server.logs.filter((line) => line.msg === 'worker ready').map((line) => line.workerPid as number);
    const load = startKeepAliveLoad(url);
    await polled(() => load.answered() > 500);
    server.child.kill('SIGKILL');
    // The workers outlive the primary only to finish: each logs why it stops, then "stopped"
    // (on the primary's stdout, which they share: waitForLog gives up once the primary is gone).
    await polled(() => server!.logs.filter((line) => line.msg === 'stopped').length === 2);
    for (const pid of workers) {
      expect(server.logs.find((line) => line.msg === 'shutting down' && line.pid === pid)).toMatchObject({ reason: 'primary process gone' });
    }
    await waitUntilGone(workers);
    const result = await load.stop();
    expect(dropped(result, NEVER_TAKEN)).toEqual({ statuses: {}, errors: {} });
    expect(requestLines(server)).toHaveLength(result.answered);
  }, 60_000);
});

/** Resolves once none of the processes exists any more. */
async function waitUntilGone(pids: readonly number[]): Promise<void> {
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  await polled(() => !pids.some(alive));
}

/** Resolves once `done()` holds (checked every 20 ms); rejects after timeoutMs. */
async function polled(done: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`not so within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
