// The primary's rolling restart and respawns, step by step, with workers it can
// watch (no processes: what each worker reports is the spec's to decide).
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { Writable } from 'node:stream';
import { MIXED_BUILDS } from '../../../src/server/lifecycle/reportRestart';
import { RESPAWN_BACKING_OFF } from '../../../src/server/lifecycle/reportWorkerExit';
import { RESTART_STOPPED } from '../../../src/server/lifecycle/rollingRestart';
import { superviseWorkers } from '../../../src/server/lifecycle/superviseWorkers';
import { createLogger } from '../../../src/server/logger';

/** A worker the spec drives: it records what the primary sends it and the signals it gets. */
class FakeWorker extends EventEmitter {
  static next = 1000;
  readonly sent: unknown[] = [];
  readonly signals: string[] = [];
  readonly process = { pid: (FakeWorker.next += 1), kill: (signal: string) => this.signals.push(signal) };
  send(message: unknown) {
    this.sent.push(message);
    return true;
  }
  /** Reports ready, having loaded the build `buildId`. */
  ready(buildId = 'build-a') {
    this.emit('message', { type: 'twelvepack:ready', buildId });
  }
  exit(code: number | null, signal: string | null = null) {
    this.emit('exit', code, signal);
  }
}

function supervise(count: number, { readyTimeoutMs = 1000, ready = true } = {}) {
  const forked: FakeWorker[] = [];
  const exits: number[] = [];
  const logs: Record<string, unknown>[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    }),
  });
  const supervisor = superviseWorkers({
    count,
    logger,
    timeoutMs: 1000,
    readyTimeoutMs,
    exit: (code) => void exits.push(code),
    fork: () => {
      const worker = new FakeWorker();
      forked.push(worker);
      return worker as unknown as Worker;
    },
  });
  if (ready) for (const worker of forked) worker.ready();
  return { supervisor, forked, logs, exits, messages: () => logs.map((line) => line.msg) };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));
const shutdownSent = (worker: FakeWorker) => worker.sent.some((message) => (message as { type: string }).type === 'twelvepack:shutdown');

describe('superviseWorkers: the rolling restart', () => {
  it('forks each replacement first and stops the old worker only once the new one is ready', async () => {
    const { supervisor, forked, messages } = supervise(2);
    const [first, second] = forked as [FakeWorker, FakeWorker];
    const cycle = supervisor.restart('SIGHUP');
    await tick();
    expect(forked).toHaveLength(3);
    expect(shutdownSent(first)).toBe(false);
    forked[2]!.ready();
    await tick();
    expect(shutdownSent(first)).toBe(true);
    expect(shutdownSent(second)).toBe(false);
    first.exit(0);
    await tick();
    expect(forked).toHaveLength(4);
    forked[3]!.ready();
    await tick();
    second.exit(0);
    await cycle;
    expect(messages().filter((msg) => msg === 'worker stopped (replaced)')).toHaveLength(2);
    expect(messages()).toContain('rolling restart done');
    expect(supervisor.workers()).toHaveLength(2);
  });

  it('stops the cycle when a replacement dies before it is ready, and keeps the old workers serving', async () => {
    const { supervisor, forked, logs, messages } = supervise(2);
    const cycle = supervisor.restart('SIGHUP');
    await tick();
    forked[2]!.exit(1);
    await cycle;
    expect(forked.slice(0, 2).map(shutdownSent)).toEqual([false, false]);
    expect(forked).toHaveLength(3);
    expect(messages()).not.toContain('worker died; restarting');
    expect(logs.find((line) => line.msg === RESTART_STOPPED)).toMatchObject({ level: 'error', replaced: 0, remaining: 2, lastError: 'exited with code 1' });
    expect(supervisor.workers()).toHaveLength(2);
  });

  it('kills a replacement that is not ready in time, and never respawns it', async () => {
    const { supervisor, forked, messages } = supervise(2, { readyTimeoutMs: 20 });
    await supervisor.restart('SIGHUP');
    expect(forked[2]!.signals).toEqual(['SIGKILL']);
    forked[2]!.exit(null, 'SIGKILL');
    await tick();
    expect(forked).toHaveLength(3);
    expect(messages()).not.toContain('worker died; restarting');
    expect(forked.slice(0, 2).map(shutdownSent)).toEqual([false, false]);
  });

  it('queues one more cycle for any number of restarts asked for during a cycle, and runs it after', async () => {
    const { supervisor, forked, logs, messages } = supervise(1);
    const cycle = supervisor.restart('SIGHUP');
    void supervisor.restart('SIGUSR2');
    void supervisor.restart('SIGHUP');
    expect(logs.filter((line) => String(line.msg).startsWith('rolling restart queued'))).toMatchObject([{ level: 'info', reason: 'SIGUSR2', running: 'SIGHUP' }]);
    expect(logs.filter((line) => String(line.msg).startsWith('rolling restart already queued'))).toMatchObject([{ reason: 'SIGHUP', queued: 'SIGUSR2' }]);
    // Never two cycles at once: the queued one forks only once the first is done.
    expect(forked).toHaveLength(2);
    forked[1]!.ready('build-b');
    await tick();
    forked[0]!.exit(0);
    await tick();
    expect(forked).toHaveLength(3);
    forked[2]!.ready('build-b');
    await tick();
    forked[1]!.exit(0);
    await cycle;
    expect(logs.filter((line) => line.msg === 'rolling restart').map((line) => [line.reason, line.queued])).toEqual([
      ['SIGHUP', false],
      ['SIGUSR2', true],
    ]);
    expect(logs.filter((line) => line.msg === 'rolling restart done').map((line) => line.buildId)).toEqual(['build-b', 'build-b']);
    expect(messages().filter((msg) => msg === 'worker stopped (replaced)')).toHaveLength(2);
    expect(supervisor.workers()).toEqual([forked[2]]);
  });

  it('repeats a cycle whose workers loaded different builds until they all report one, and names it', async () => {
    const { supervisor, forked, logs } = supervise(2);
    const cycle = supervisor.restart('SIGHUP');
    // dist/ replaced between the two replacements' boots.
    const replaceNext = async (build: string, old: FakeWorker) => {
      await tick();
      forked.at(-1)!.ready(build);
      await tick();
      old.exit(0);
    };
    await replaceNext('build-a', forked[0]!);
    await replaceNext('build-b', forked[1]!);
    await replaceNext('build-b', forked[2]!);
    await replaceNext('build-b', forked[3]!);
    await cycle;
    expect(logs.find((line) => line.msg === MIXED_BUILDS)).toMatchObject({ level: 'warn', buildIds: ['build-a', 'build-b'], rounds: 1 });
    expect(logs.filter((line) => line.msg === 'rolling restart').map((line) => line.round)).toEqual([1, 2]);
    expect(logs.filter((line) => line.msg === 'rolling restart done')).toMatchObject([{ buildId: 'build-b', rounds: 2, replaced: 2 }]);
    expect(supervisor.workers()).toEqual(forked.slice(4));
  });
});

describe('superviseWorkers: failed boots never stop a serving worker', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  /** Lets the pending respawn fire: the next forked worker. */
  const respawned = (forked: FakeWorker[]) => {
    const before = forked.length;
    jest.runOnlyPendingTimers();
    expect(forked).toHaveLength(before + 1);
    return forked[before]!;
  };

  it('keeps the old workers through any number of failed rolling restarts', async () => {
    const { supervisor, forked, logs, exits } = supervise(2);
    for (let i = 0; i < 7; i += 1) {
      const cycle = supervisor.restart('SIGHUP');
      await tick();
      forked.at(-1)!.exit(1);
      await cycle;
    }
    expect(logs.filter((line) => line.msg === RESTART_STOPPED)).toHaveLength(7);
    expect(forked.slice(0, 2).map(shutdownSent)).toEqual([false, false]);
    expect(logs.filter((line) => line.level === 'fatal')).toEqual([]);
    expect(exits).toEqual([]);
    expect(supervisor.workers()).toEqual(forked.slice(0, 2));
  });

  it('backs off respawning a worker whose boots keep failing while another serves, and keeps trying', () => {
    const { supervisor, forked, logs, exits } = supervise(2);
    const [victim, survivor] = forked as [FakeWorker, FakeWorker];
    victim.exit(null, 'SIGKILL');
    for (let i = 0; i < 7; i += 1) respawned(forked).exit(1);
    const backingOff = logs.filter((line) => line.msg === RESPAWN_BACKING_OFF);
    expect(backingOff.map((line) => [line.level, line.restartInMs, line.serving])).toEqual(
      [200, 400, 800, 1600, 3200, 6400, 10_000].map((delay) => ['error', delay, 1]),
    );
    expect(shutdownSent(survivor)).toBe(false);
    expect(exits).toEqual([]);
    // Still trying: the next respawn boots, and the cluster is whole again.
    respawned(forked).ready();
    expect(supervisor.workers()).toEqual([survivor, forked.at(-1)]);
  });

  it('gives up, exit 1, after maxBootFailures failed boots in a row with no worker serving', () => {
    const { forked, logs, exits } = supervise(1, { ready: false });
    forked[0]!.exit(1);
    for (let i = 0; i < 3; i += 1) respawned(forked).exit(1);
    expect(exits).toEqual([]);
    respawned(forked).exit(1);
    expect(logs.find((line) => line.level === 'fatal')).toMatchObject({ bootFailures: 5, lastError: 'exited with code 1' });
    expect(exits).toEqual([1]);
    jest.runOnlyPendingTimers();
    expect(forked).toHaveLength(5);
  });

  it('counts only the failed boots since the last worker stopped serving', () => {
    const { forked, logs } = supervise(2);
    const [first, second] = forked as [FakeWorker, FakeWorker];
    first.exit(null, 'SIGKILL');
    for (let i = 0; i < 6; i += 1) respawned(forked).exit(1);
    second.exit(null, 'SIGKILL');
    // Nothing serves from here: each failed boot counts, whichever worker's respawn it was.
    const gaveUp = () => logs.some((line) => line.level === 'fatal');
    let failedBoots = 0;
    for (let round = 0; round < 10 && !gaveUp(); round += 1) {
      const before = forked.length;
      jest.runOnlyPendingTimers();
      for (const worker of forked.slice(before)) {
        if (gaveUp()) break;
        worker.exit(1);
        failedBoots += 1;
      }
    }
    expect(failedBoots).toBe(5);
  });

  it('respawns a worker that crashes during a rolling restart, even when the respawn dies at boot', async () => {
    const { supervisor, forked, messages } = supervise(2);
    void supervisor.restart('SIGHUP');
    await tick();
    forked[1]!.exit(null, 'SIGKILL');
    respawned(forked).exit(1);
    expect(messages()).toContain(RESPAWN_BACKING_OFF);
    expect(messages()).not.toContain('replacement worker died before it was ready');
    respawned(forked);
  });
});
