import type { Compiler } from 'webpack';
import type { BabelWorkerOptions } from '../babelWorkers';

/** thread-loader's pools, by their options (the module transpileLoader.js runs them through). */
interface WorkerPool {
  readonly activeJobs: number;
  disposeWorkers(): void;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { getPool } = require('thread-loader/dist/workerPools') as { getPool(options: BabelWorkerOptions): WorkerPool };

/**
 * Ends the Babel workers (transpileLoader.js) as soon as a build is done or
 * failed, instead of when their idle timeout runs out: the process exits at
 * once, and the workers' memory is given back before webpack writes its cache.
 * Workers still busy for the other bundle of a pair are left to it. The next
 * build a long-lived process runs starts them again (poolRespawn).
 */
export class BabelWorkersPlugin {
  constructor(private readonly options: BabelWorkerOptions) {}

  apply(compiler: Compiler): void {
    const release = () => {
      const pool = getPool(this.options);
      if (pool.activeJobs === 0) pool.disposeWorkers();
    };
    compiler.hooks.done.tap('BabelWorkersPlugin', release);
    compiler.hooks.failed.tap('BabelWorkersPlugin', release);
  }
}
