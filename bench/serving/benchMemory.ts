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
  readonly requestsPerSecond: number;
}

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** Measures RSS idle and under load, with and without the Procfile candidates' V8 flags. */
export async function benchMemory({ root, seconds, connections }: { root: string; seconds: number; connections: number }): Promise<MemoryRow[]> {
  const script = mainScript(root);
  const variants = [[], ['--optimize_for_size', '--max_old_space_size=200'], ['--optimize_for_size', '--max_old_space_size=460', '--gc_interval=100']];
  const rows: MemoryRow[] = [];
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
        rows.push({ flags: flags.join(' ') || '(none)', workers, idleRssMb: idle, loadedRssMb: peak, workersLoadedRssMb: total, requestsPerSecond: result.requestsPerSecond });
      } finally {
        await target.stop();
      }
    }
  }
  return rows;
}
