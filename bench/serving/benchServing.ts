import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadTest, type LoadResult } from './loadTest';
import { processCpuSeconds } from './processCpu';
import { NGINX } from './nginxConfig';
import { startTarget, type TargetSpec } from './startTarget';

/** One measured cell: a target serving one URL with some processes. */
export interface ServingRow {
  readonly target: string;
  readonly workers: number;
  readonly url: string;
  readonly requestsPerSecond: number;
  readonly p99Ms: number;
  readonly errors: number;
  /** CPU time of the serving processes per request, in µs: what the server spends, whatever limits req/s. */
  readonly cpuUsPerRequest: number;
}

/**
 * Variants measured at one process only, to show where twelvepack's time goes:
 * the bare server sending twelvepack's exact headers, and twelvepack without
 * its request log line.
 */
export const BREAKDOWN_TARGETS = ['bare-headers', 'twelvepack-nolog'] as const;


/** Options for {@link benchServing}. */
export interface ServingOptions {
  readonly root: string;
  readonly seconds: number;
  readonly repeats: number;
  readonly connections: number;
  /** The process counts to measure (default 1 and 2). */
  readonly processCounts?: readonly number[];
  readonly log: (line: string) => void;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The main hashed script, from the manifest. */
export function mainScript(root: string): string {
  const manifest = JSON.parse(readFileSync(join(root, 'dist', 'client', 'asset-manifest.json'), 'utf8')) as { files: Record<string, unknown> };
  const main = Object.keys(manifest.files).find((file) => /^main\.[0-9a-f]{8}\.js$/.test(file));
  if (main === undefined) throw new Error('No main.<hash>.js in dist/client: run `npm run build` first.');
  return main;
}

/**
 * Requests/s and p99 for index.html and the main script (Accept-Encoding: br,
 * gzip), with 1 and 2 processes, for twelvepack and the alternatives, in one
 * run: medians of `repeats` runs. The targets take turns, each round starting
 * with the next one, so drift hits all.
 */
export async function benchServing({ root, seconds, repeats, connections, processCounts = [1, 2], log }: ServingOptions): Promise<ServingRow[]> {
  const script = mainScript(root);
  const urls: { path: string; file: string; encoding: 'identity' | 'br'; headers: Record<string, string> }[] = [
    { path: '/index.html', file: 'index.html', encoding: 'identity' as const, headers: {} },
    { path: `/${script}`, file: script, encoding: 'br' as const, headers: { 'Accept-Encoding': 'br, gzip' } },
  ];
  const rows: ServingRow[] = [];
  for (const workers of processCounts) {
    for (const url of urls) {
      const names = ['twelvepack', 'bare', 'sirv', 'express', ...(existsSync(NGINX) ? ['nginx'] : [])];
      const targets: TargetSpec[] = names.map((name) => ({ name, workers, root, file: url.file, encoding: url.encoding }));
      if (workers === 1) {
        const headersJson = JSON.stringify(await twelvepackHeaders(root, url.path, url.headers));
        targets.push(
          { name: 'bare-headers', program: 'bare', workers, root, file: url.file, encoding: url.encoding, env: { HEADERS_JSON: headersJson } },
          { name: 'twelvepack-nolog', program: 'twelvepack', workers, root, env: { LOG_LEVEL: 'warn' } },
        );
      }
      const results = new Map<string, (LoadResult & { cpuUsPerRequest: number })[]>();
      for (let round = 0; round < repeats; round += 1) {
        // Each round starts with the next target, so no target always runs first (after a boot, or another's load).
        const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
        for (const spec of order) {
          const target = await startTarget(spec);
          try {
            // A short warm-up so the JIT has seen the hot path.
            await loadTest({ url: `${target.url}${url.path}`, headers: url.headers, seconds: 1, connections });
            const pids = target.servingPids();
            const cpuBefore = processCpuSeconds(pids);
            const result = await loadTest({ url: `${target.url}${url.path}`, headers: url.headers, seconds, connections });
            const cpuUsPerRequest = ((processCpuSeconds(pids) - cpuBefore) * 1e6) / result.requests;
            results.set(spec.name, [...(results.get(spec.name) ?? []), { ...result, cpuUsPerRequest }]);
          } finally {
            await target.stop();
          }
        }
      }
      for (const [target, runs] of results) {
        const row = {
          target,
          workers,
          url: url.path === '/index.html' ? 'index.html' : 'main.js (br)',
          requestsPerSecond: median(runs.map((run) => run.requestsPerSecond)),
          p99Ms: median(runs.map((run) => run.p99Ms)),
          errors: runs.reduce((sum, run) => sum + run.errors, 0),
          cpuUsPerRequest: median(runs.map((run) => run.cpuUsPerRequest)),
        };
        rows.push(row);
        log(
          `  ${row.target.padEnd(16)} x${workers} ${row.url.padEnd(13)} ${Math.round(row.requestsPerSecond)} req/s, p99 ${row.p99Ms.toFixed(2)} ms, ${row.cpuUsPerRequest.toFixed(1)} µs CPU/request`,
        );
      }
    }
  }
  return rows;
}

/** The headers twelvepack sends for a URL (less those Node adds itself), with a request id of the usual length. */
async function twelvepackHeaders(root: string, path: string, headers: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const target = await startTarget({ name: 'twelvepack', workers: 1, root });
  try {
    const res = await fetch(`${target.url}${path}`, { headers });
    await res.arrayBuffer();
    const skip = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
    return Object.fromEntries([...res.headers].filter(([name]) => !skip.has(name)));
  } finally {
    await target.stop();
  }
}
