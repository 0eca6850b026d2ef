import { schema, type Config, type VarSpec } from './schema';

/** Which source gave the worker count, as the start-up line names it. */
export type WorkersFrom = 'WEB_CONCURRENCY' | 'HEROKU_AVAILABLE_PARALLELISM' | 'default';

/** How many server processes to run, and where that number came from. */
export interface WorkerCount {
  /** Server processes: above 1, a cluster primary forks that many workers. */
  readonly workers: number;
  /** The variable that gave the count, or `default` (1) when neither is set. */
  readonly workersFrom: WorkersFrom;
}

/** The most workers a fallback may ask for: what WEB_CONCURRENCY itself accepts. */
const MAX_WORKERS = (schema as readonly VarSpec[]).find((spec) => spec.name === 'WEB_CONCURRENCY')?.max ?? Number.MAX_SAFE_INTEGER;

/**
 * The worker count: WEB_CONCURRENCY when set, else HEROKU_AVAILABLE_PARALLELISM
 * (which Heroku's Cloud Native Buildpack exports; capped at WEB_CONCURRENCY's own
 * maximum, and 0, its "cannot tell", is skipped), else 1. Pure.
 *
 * @param config both variables, as the config module parsed them
 */
export function workerCount({ WEB_CONCURRENCY, HEROKU_AVAILABLE_PARALLELISM }: Pick<Config, 'WEB_CONCURRENCY' | 'HEROKU_AVAILABLE_PARALLELISM'>): WorkerCount {
  if (WEB_CONCURRENCY !== undefined) return { workers: WEB_CONCURRENCY, workersFrom: 'WEB_CONCURRENCY' };
  if (HEROKU_AVAILABLE_PARALLELISM !== undefined && HEROKU_AVAILABLE_PARALLELISM > 0) {
    return { workers: Math.min(HEROKU_AVAILABLE_PARALLELISM, MAX_WORKERS), workersFrom: 'HEROKU_AVAILABLE_PARALLELISM' };
  }
  return { workers: 1, workersFrom: 'default' };
}
