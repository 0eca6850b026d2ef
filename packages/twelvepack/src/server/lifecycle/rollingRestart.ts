import type { Worker } from 'node:cluster';
import type { Logger } from '../logger';
import type { CycleResult, RestartEffect } from './stepRestarts';

/** How a replacement's boot ended: ready, or not (it died, or was killed for being late), and why. */
export type BootOutcome = { readonly ready: true } | { readonly ready: false; readonly lastError: string };

/** What a rolling restart needs from the cluster primary. */
export interface RestartablePool {
  readonly logger: Logger;
  /** The workers serving now: the ones a cycle replaces. */
  serving(): Worker[];
  /** The build a serving worker said it loaded in its ready message. */
  buildIdOf(worker: Worker): string | undefined;
  isLive(worker: Worker): boolean;
  isStopping(): boolean;
  /** Forks a replacement; resolves once it is ready, or once it died or was killed for not being ready in time. */
  bootReplacement(): Promise<BootOutcome>;
  /** Asks a worker to stop gracefully; resolves once it has exited. */
  retire(worker: Worker, reason: string): Promise<void>;
}

/** The error line of a cycle that gives up: what happened, that nothing stopped, and what to do next. */
export const RESTART_STOPPED =
  'rolling restart stopped: a replacement worker did not become ready; the old workers keep serving. ' +
  'Fix what lastError says (the build in dist/, or a service src/app.ts opens), then send SIGHUP again';

/** Which cycle to run: stepRestarts's `start cycle`. */
export type CyclePlan = Extract<RestartEffect, { kind: 'start cycle' }>;

/**
 * One rolling restart: for each worker serving when it begins, a replacement
 * is forked and must be ready before the old one is asked to stop, so the
 * cluster never serves with fewer workers than before. The first replacement
 * that fails ends the cycle: the workers not yet replaced keep serving, and
 * the failure is never counted against them (decideWorkerExit). A cycle that
 * replaced them all reports the builds the serving workers loaded, for
 * stepRestarts to say whether it is done.
 */
export async function rollingRestart(pool: RestartablePool, { reason, round, queued }: CyclePlan): Promise<CycleResult> {
  const old = pool.serving();
  pool.logger.info({ reason, workers: old.length, round, queued }, 'rolling restart');
  let replaced = 0;
  for (const worker of old) {
    if (pool.isStopping()) return { kind: 'interrupted' };
    if (!pool.isLive(worker)) continue;
    const outcome = await pool.bootReplacement();
    if (!outcome.ready) {
      pool.logger.error({ reason, replaced, remaining: old.length - replaced, lastError: outcome.lastError }, RESTART_STOPPED);
      return { kind: 'stopped' };
    }
    if (pool.isStopping()) return { kind: 'interrupted' };
    await pool.retire(worker, `replaced (${reason})`);
    replaced += 1;
  }
  if (pool.isStopping()) return { kind: 'interrupted' };
  const buildIds = pool.serving().flatMap((worker) => pool.buildIdOf(worker) ?? []);
  return { kind: 'replaced', replaced, buildIds };
}
