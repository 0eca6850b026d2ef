// The primary's rolling restart, step by step, with workers it can watch (no
// processes: what each worker reports is the spec's to decide).
import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { Writable } from 'node:stream';
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
  ready() {
    this.emit('message', { type: 'twelvepack:ready' });
  }
  exit(code: number | null, signal: string | null = null) {
    this.emit('exit', code, signal);
  }
}

function supervise(count: number, readyTimeoutMs = 1000) {
  const forked: FakeWorker[] = [];
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
    exit: () => undefined,
    fork: () => {
      const worker = new FakeWorker();
      forked.push(worker);
      return worker as unknown as Worker;
    },
  });
  for (const worker of forked) worker.ready();
  return { supervisor, forked, logs, messages: () => logs.map((line) => line.msg) };
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
    expect(messages()).toContain('rolling restart stopped: a replacement worker did not become ready; the old workers keep serving');
    expect(messages()).not.toContain('worker died; restarting');
    expect(logs.find((line) => String(line.msg).startsWith('rolling restart stopped'))).toMatchObject({ level: 'error', replaced: 0, remaining: 2 });
    expect(supervisor.workers()).toHaveLength(2);
  });

  it('kills a replacement that is not ready in time, and never respawns it', async () => {
    const { supervisor, forked, messages } = supervise(2, 20);
    await supervisor.restart('SIGHUP');
    expect(forked[2]!.signals).toEqual(['SIGKILL']);
    forked[2]!.exit(null, 'SIGKILL');
    await tick();
    expect(forked).toHaveLength(3);
    expect(messages()).not.toContain('worker died; restarting');
    expect(forked.slice(0, 2).map(shutdownSent)).toEqual([false, false]);
  });

  it('ignores a restart asked for during a cycle', async () => {
    const { supervisor, forked, messages } = supervise(1);
    const cycle = supervisor.restart('SIGHUP');
    await supervisor.restart('SIGUSR2');
    expect(messages()).toContain('rolling restart already in progress; ignored');
    expect(forked).toHaveLength(2);
    forked[1]!.ready();
    await tick();
    forked[0]!.exit(0);
    await cycle;
    expect(messages().filter((msg) => msg === 'rolling restart')).toHaveLength(1);
  });
});
