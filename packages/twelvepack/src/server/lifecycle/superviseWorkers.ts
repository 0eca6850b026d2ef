import type { Worker } from 'node:cluster';
import type { Logger } from '../logger';
import { decideWorkerExit, NO_DEATHS, type DeathRecord, type ExitDecision, type WorkerPhase } from './decideWorkerExit';
import { createRestartQueue } from './createRestartQueue';
import type { BootOutcome, RestartablePool } from './rollingRestart';
import { reportWorkerExit } from './reportWorkerExit';
import { isWorkerMessage } from './workerMessages';

/** How long a replacement worker may take to report ready during a rolling restart. */
export const READY_TIMEOUT_MS = 30_000;

/** Options for {@link superviseWorkers}. */
export interface SupervisorOptions {
  /** How many workers to keep running (WEB_CONCURRENCY). */
  readonly count: number;
  readonly logger: Logger;
  /** Forks one worker (cluster.fork). */
  readonly fork: () => Worker;
  /** The workers' shutdown deadline; the primary waits a little longer, then kills what is left. */
  readonly timeoutMs: number;
  /** Workers that die before becoming ready this many times in a row while none is serving: give up instead of looping. */
  readonly maxBootFailures?: number;
  /** During a rolling restart, how long a replacement may take to be ready (READY_TIMEOUT_MS). */
  readonly readyTimeoutMs?: number;
  /** Ends the process; main passes process.exit. */
  readonly exit: (code: number) => void;
}

/**
 * The cluster primary: keeps `count` workers running and never stops a
 * serving worker because others fail to boot. A crashed worker is respawned
 * with exponential backoff (restartDelay), for as long as it takes while
 * other workers serve; only when none serves and boots keep failing does it
 * give up (exit 1, with the last error). It never respawns once shutdown
 * begins. Returns `shutdown(reason)` and `restart(reason)`; main wires them
 * to signals. `restart` is a rolling restart (rollingRestart); one asked for
 * during a cycle is queued, and cycles repeat until every worker runs one
 * build (stepRestarts).
 */
export function superviseWorkers(options: SupervisorOptions) {
  const supervisor = new WorkerSupervisor(options);
  const restarts = createRestartQueue(supervisor);
  supervisor.fill();
  return {
    shutdown: (reason: string) => supervisor.shutdown(reason),
    restart: (reason: string) => restarts.request(reason),
    workers: () => supervisor.workers(),
  };
}

/** What the primary knows of one worker. */
interface WorkerRecord {
  phase: WorkerPhase;
  /** The reason the worker gave before dying (a `twelvepack:fatal` message). */
  lastError?: string;
  /** The build it loaded, from its ready message. */
  buildId?: string;
  /** A rolling restart waiting for this replacement's boot. */
  settle?: (outcome: BootOutcome) => void;
  /** A rolling restart waiting for this worker to exit. */
  exited?: () => void;
}

/** Serving as usual (rolling restarts included), or stopping for good (never left). */
type SupervisorPhase = 'running' | 'stopping';

/** The process shell around decideWorkerExit: forks, messages, timers, logs and the exit. */
class WorkerSupervisor implements RestartablePool {
  readonly logger: Logger;
  private readonly options: SupervisorOptions;
  private readonly records = new Map<Worker, WorkerRecord>();
  private readonly respawns = new Set<NodeJS.Timeout>();
  private phase: SupervisorPhase = 'running';
  private deaths: DeathRecord = NO_DEATHS;
  private exitCode = 0;

  constructor(options: SupervisorOptions) {
    this.options = options;
    this.logger = options.logger;
  }

  /** Forks the workers of a fresh cluster. */
  fill(): void {
    for (let i = 0; i < this.options.count; i += 1) this.start('booting');
  }

  workers(): Worker[] {
    return [...this.records.keys()];
  }

  serving(): Worker[] {
    return this.workers().filter((worker) => this.records.get(worker)?.phase === 'serving');
  }

  buildIdOf(worker: Worker): string | undefined {
    return this.records.get(worker)?.buildId;
  }

  isLive(worker: Worker): boolean {
    return this.records.has(worker);
  }

  isStopping(): boolean {
    return this.phase === 'stopping';
  }

  bootReplacement(): Promise<BootOutcome> {
    const readyTimeoutMs = this.options.readyTimeoutMs ?? READY_TIMEOUT_MS;
    const worker = this.start('replacement');
    const record = this.records.get(worker)!;
    return new Promise((resolve) => {
      const deadline = setTimeout(() => {
        // Killed on purpose: its exit is planned, never respawned.
        record.phase = 'retiring';
        worker.process.kill('SIGKILL');
        resolve({ ready: false, lastError: record.lastError ?? `not ready within ${readyTimeoutMs} ms (readyTimeoutMs)` });
      }, readyTimeoutMs);
      record.settle = (outcome) => {
        clearTimeout(deadline);
        record.settle = undefined;
        resolve(outcome);
      };
    });
  }

  retire(worker: Worker, reason: string): Promise<void> {
    const record = this.records.get(worker);
    if (record === undefined) return Promise.resolve();
    record.phase = 'retiring';
    return new Promise((resolve) => {
      record.exited = resolve;
      worker.send({ type: 'twelvepack:shutdown', reason });
    });
  }

  shutdown(reason: string): void {
    if (this.phase === 'stopping') return;
    this.phase = 'stopping';
    for (const timer of this.respawns) clearTimeout(timer);
    this.respawns.clear();
    this.logger.info({ reason, workers: this.records.size }, 'shutting down workers');
    for (const worker of this.records.keys()) worker.send({ type: 'twelvepack:shutdown', reason });
    const deadline = setTimeout(() => {
      this.logger.error({ workers: this.records.size }, 'workers did not stop in time; killing them');
      for (const worker of this.records.keys()) worker.process.kill('SIGKILL');
      this.logger.flush(() => this.options.exit(1));
    }, this.options.timeoutMs + 2000);
    deadline.unref();
    this.exitOnceStopped();
  }

  private start(phase: 'booting' | 'replacement'): Worker {
    const worker = this.options.fork();
    const record: WorkerRecord = { phase };
    this.records.set(worker, record);
    worker.on('message', (message: unknown) => this.onMessage(worker, record, message));
    worker.on('exit', (code: number | null, signal: string | null) => this.onExit(worker, record, code, signal));
    return worker;
  }

  private onMessage(worker: Worker, record: WorkerRecord, message: unknown): void {
    if (!isWorkerMessage(message)) return;
    if (message.type === 'twelvepack:fatal') record.lastError = message.message;
    // A replacement killed for being late may still report ready on its way out: it stays retiring.
    if (message.type !== 'twelvepack:ready' || record.phase === 'retiring') return;
    // A worker listens for the shutdown message only once booted: one that was booting when shutdown began missed it.
    if (this.phase === 'stopping') worker.send({ type: 'twelvepack:shutdown', reason: 'shutdown began while it booted' });
    record.phase = 'serving';
    record.buildId = message.buildId;
    this.deaths = NO_DEATHS;
    this.logger.info({ workerPid: worker.process.pid, buildId: message.buildId }, 'worker ready');
    record.settle?.({ ready: true });
  }

  private onExit(worker: Worker, record: WorkerRecord, code: number | null, signal: string | null): void {
    this.records.delete(worker);
    const serving = this.serving().length;
    const exit = { phase: record.phase, code, serving, stopping: this.phase === 'stopping' };
    const { record: deaths, decision } = decideWorkerExit(this.deaths, exit, this.options.maxBootFailures ?? 5);
    this.deaths = deaths;
    const lastError = record.lastError ?? `exited with ${signal ?? `code ${code}`}`;
    reportWorkerExit(this.logger, decision, { workerPid: worker.process.pid, code, signal, lastError, serving });
    record.exited?.();
    record.settle?.({ ready: false, lastError });
    this.carryOut(decision);
  }

  private carryOut(decision: ExitDecision): void {
    switch (decision.kind) {
      case 'stopped':
        if (!decision.clean) this.exitCode = 1;
        return this.exitOnceStopped();
      case 'stopped on its own':
        this.start('booting');
        return;
      case 'crashed':
      case 'backing off':
      case 'boot failed':
        return this.respawnAfter(decision.delayMs);
      case 'give up':
        this.exitCode = 1;
        return this.shutdown('workers failing at boot');
      case 'retired':
      case 'replacement failed':
        // The rolling restart that retired or forked it goes on from here (rollingRestart).
        return;
    }
  }

  private respawnAfter(delayMs: number): void {
    const timer = setTimeout(() => {
      this.respawns.delete(timer);
      if (this.phase !== 'stopping') this.start('booting');
    }, delayMs);
    this.respawns.add(timer);
  }

  private exitOnceStopped(): void {
    if (this.phase !== 'stopping' || this.records.size > 0) return;
    this.logger.info({ code: this.exitCode }, 'all workers stopped');
    this.logger.flush(() => this.options.exit(this.exitCode));
  }
}
