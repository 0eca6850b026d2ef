import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';

/** One load run's results. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  /** Requests completed in the run. */
  readonly requests: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/** Options for {@link loadTest}. */
export interface LoadOptions {
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly seconds: number;
  readonly connections: number;
}

/** The load tool in use: wrk from Debian when installed, autocannon from npm otherwise. */
export const LOAD_TOOL = existsSync('/usr/bin/wrk') ? 'wrk' : 'autocannon';

/** Keep-alive load for a fixed time, one thread (the machine has two cores; the server needs the other). */
export async function loadTest({ url, headers = {}, seconds, connections }: LoadOptions): Promise<LoadResult> {
  if (LOAD_TOOL === 'wrk') {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    // Asynchronous, so the caller can sample memory while the load runs.
    const { stdout: out } = await promisify(execFile)('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url], { encoding: 'utf8' });
    const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1]);
    const p99 = parseDuration(/\s99%\s+([\d.]+\w+)/.exec(out)?.[1] ?? 'NaN');
    const errors = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) + Number(/Socket errors: .*?(\d+)/.exec(out)?.[1] ?? 0);
    const requests = Number(/(\d+) requests in/.exec(out)?.[1]);
    return { requestsPerSecond: rps, requests, p99Ms: p99, errors };
  }
  const autocannon = (await import('autocannon')).default;
  const result = await autocannon({ url, headers, duration: seconds, connections });
  return { requestsPerSecond: result.requests.average, requests: result.requests.total, p99Ms: result.latency.p99, errors: result.errors + result.non2xx };
}

function parseDuration(text: string): number {
  const match = /^([\d.]+)(us|ms|s)$/.exec(text);
  if (match === null) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}
