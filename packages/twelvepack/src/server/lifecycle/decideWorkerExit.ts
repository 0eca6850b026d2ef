import { restartDelay } from './restartDelay';

/** A worker's phase, as the cluster primary sees it. */
export type WorkerPhase =
  /** Forked to fill the count (at start, or respawned), not ready yet. */
  | 'booting'
  /** Forked by a rolling restart to take a serving worker's place, not ready yet: never respawned. */
  | 'replacement'
  /** Reported ready: it takes connections. */
  | 'serving'
  /** Asked to stop on purpose (replaced, or a replacement too late to be ready): its exit is planned. */
  | 'retiring';

/** What the primary remembers of the deaths since a worker last became ready (which resets both counts). */
export interface DeathRecord {
  /** Unplanned deaths in a row: they set the respawn delay. */
  readonly deaths: number;
  /** Boots that failed while no worker was serving: the only failures that end the cluster. */
  readonly unservedBootFailures: number;
}

/** No death since the last worker became ready. */
export const NO_DEATHS: DeathRecord = { deaths: 0, unservedBootFailures: 0 };

/** One worker's exit, with what surrounds it. */
export interface WorkerExit {
  /** The worker's phase when it exited. */
  readonly phase: WorkerPhase;
  readonly code: number | null;
  /** How many workers are still serving, this one gone. */
  readonly serving: number;
  /** Whether the cluster is shutting down. */
  readonly stopping: boolean;
}

/** What the primary does about an exit; each kind has its own log line in superviseWorkers. */
export type ExitDecision =
  /** Shutdown under way: one fewer to wait for; a non-zero code makes the primary's exit code 1. */
  | { readonly kind: 'stopped'; readonly clean: boolean }
  /** A retiring worker left as planned. */
  | { readonly kind: 'retired' }
  /** A rolling restart's replacement died at boot: that restart gives up; the old workers keep serving. */
  | { readonly kind: 'replacement failed' }
  /** A serving worker stopped gracefully by someone else (a SIGTERM sent to it alone): start another at once. */
  | { readonly kind: 'stopped on its own' }
  /** A serving worker died: respawn it after the delay. */
  | { readonly kind: 'crashed'; readonly delayMs: number }
  /** A boot failed while other workers serve: respawn after a growing delay, never give up (they carry the traffic). */
  | { readonly kind: 'backing off'; readonly delayMs: number }
  /** A boot failed and nothing serves: respawn after the delay, counting towards giving up. */
  | { readonly kind: 'boot failed'; readonly delayMs: number; readonly bootFailures: number }
  /** Boots keep failing and nothing serves: stop the cluster, exit 1. */
  | { readonly kind: 'give up'; readonly bootFailures: number };

/**
 * Decides what a worker's exit means, and the death record after it. Pure.
 * Failed replacements and failed respawns never stop a serving worker: only
 * `maxBootFailures` failed boots in a row, with no worker serving, give up.
 */
export function decideWorkerExit(record: DeathRecord, exit: WorkerExit, maxBootFailures: number): { record: DeathRecord; decision: ExitDecision } {
  if (exit.stopping) return { record, decision: { kind: 'stopped', clean: exit.code === 0 } };
  if (exit.phase === 'retiring') return { record, decision: { kind: 'retired' } };
  if (exit.phase === 'replacement') return { record, decision: { kind: 'replacement failed' } };
  if (exit.phase === 'serving' && exit.code === 0) return { record, decision: { kind: 'stopped on its own' } };

  const deaths = record.deaths + 1;
  const delayMs = restartDelay(deaths);
  if (exit.phase === 'serving') return { record: { ...record, deaths }, decision: { kind: 'crashed', delayMs } };
  if (exit.serving > 0) return { record: { ...record, deaths }, decision: { kind: 'backing off', delayMs } };
  const unservedBootFailures = record.unservedBootFailures + 1;
  const next = { deaths, unservedBootFailures };
  if (unservedBootFailures >= maxBootFailures) return { record: next, decision: { kind: 'give up', bootFailures: unservedBootFailures } };
  return { record: next, decision: { kind: 'boot failed', delayMs, bootFailures: unservedBootFailures } };
}
