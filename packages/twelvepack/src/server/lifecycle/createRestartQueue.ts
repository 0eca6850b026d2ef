import { reportRestart } from './reportRestart';
import { rollingRestart, type CyclePlan, type RestartablePool } from './rollingRestart';
import { NO_RESTART, stepRestarts, type RestartEvent, type RestartState } from './stepRestarts';

/** The primary's rolling restarts: {@link createRestartQueue}. */
export interface RestartQueue {
  /** Asks for a rolling restart; resolves once no cycle runs or waits (this one's, and any queued after it). */
  request(reason: string): Promise<void>;
}

/**
 * The shell around stepRestarts: runs the cycles it decides on, one at a
 * time, and writes its log lines. Nothing is decided here.
 */
export function createRestartQueue(pool: RestartablePool): RestartQueue {
  let state: RestartState = NO_RESTART;
  let running: Promise<void> = Promise.resolve();

  /** Steps the reducer, logs its lines, and returns the cycle to start, if any. */
  const apply = (event: RestartEvent): CyclePlan | undefined => {
    const next = stepRestarts(state, event);
    state = next.state;
    let start: CyclePlan | undefined;
    for (const effect of next.effects) {
      if (effect.kind === 'start cycle') start = effect;
      else reportRestart(pool.logger, effect);
    }
    return start;
  };

  const run = async (first: CyclePlan): Promise<void> => {
    let cycle: CyclePlan | undefined = first;
    while (cycle !== undefined) cycle = apply({ kind: 'cycle ended', result: await rollingRestart(pool, cycle) });
  };

  return {
    request(reason) {
      if (pool.isStopping()) return Promise.resolve();
      const start = apply({ kind: 'requested', reason });
      if (start !== undefined) running = run(start);
      return running;
    },
  };
}
