import { readFileSync } from 'node:fs';
import { loadTest } from './loadTest';
import { mainScript } from './benchServing';
import { startTarget } from './startTarget';

/** Memory and throughput of twelvepack's workers with one set of V8 flags. */
export interface MemoryRow {
  readonly flags: string;
  readonly workers: number;
  /** Resident set size per worker, idle after boot and a few requests (MB). */
  readonly idleRssMb: number;
  /** Highest resident set size per worker seen under load (MB). */
  readonly loadedRssMb: number;
  /** All workers together under load (MB); the cluster primary adds about one idle worker's worth. */
  readonly workersLoadedRssMb: number;
  /** Median of the load runs. */
  readonly requestsPerSecond: number;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/**
 * Measures RSS idle and under load, with and without the Procfile candidates' V8
 * flags. Each variant is loaded `repeats` times in turns (drift hits all alike):
 * the highest RSS seen, the median req/s.
 */
export async function benchMemory({ root, seconds, connections, repeats }: { root: string; seconds: number; connections: number; repeats: number }): Promise<MemoryRow[]> {
  const script = mainScript(root);
  const variants = [[], ['--optimize_for_size', '--max_old_space_size=200'], ['--optimize_for_size', '--max_old_space_size=460', '--gc_interval=100']];
  const runs = new Map<string, MemoryRow[]>();
  for (let round = 0; round < repeats; round += 1) {
    for (const workers of [1, 2]) {
      for (const flags of variants) {
        const target = await startTarget({ name: 'twelvepack', workers, root, nodeFlags: flags });
        try {
          await new Promise((resolve) => setTimeout(resolve, 1000));
          const pids = target.servingPids();
          const idle = Math.max(...pids.map(rssMb));
          let peak = 0;
          let total = 0;
          const sampler = setInterval(() => {
            peak = Math.max(peak, ...pids.map(rssMb));
            total = Math.max(total, pids.reduce((sum, pid) => sum + rssMb(pid), 0));
          }, 200);
          const result = await loadTest({ url: `${target.url}/${script}`, headers: { 'Accept-Encoding': 'br, gzip' }, seconds, connections });
          clearInterval(sampler);
          const key = `${workers} ${flags.join(' ')}`;
          const row = { flags: flags.join(' ') || '(none)', workers, idleRssMb: idle, loadedRssMb: peak, workersLoadedRssMb: total, requestsPerSecond: result.requestsPerSecond };
          runs.set(key, [...(runs.get(key) ?? []), row]);
        } finally {
          await target.stop();
        }
      }
    }
  }
  const rows: MemoryRow[] = [];
  for (const variantRuns of runs.values()) {
    const rps = variantRuns.map((run) => run.requestsPerSecond).sort((x, y) => x - y);
    rows.push({
      ...variantRuns[0]!,
      idleRssMb: Math.max(...variantRuns.map((run) => run.idleRssMb)),
      loadedRssMb: Math.max(...variantRuns.map((run) => run.loadedRssMb)),
      workersLoadedRssMb: Math.max(...variantRuns.map((run) => run.workersLoadedRssMb)),
      requestsPerSecond: rps[Math.floor(rps.length / 2)]!,
    });
  }
  return rows;
}
