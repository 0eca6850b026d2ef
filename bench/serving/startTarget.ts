import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NGINX, nginxConfig } from './nginxConfig';

/** A server under test, running in its own process(es). */
export interface RunningTarget {
  readonly url: string;
  /** The pids that serve requests (the workers, or the single process). */
  servingPids(): number[];
  stop(): Promise<void>;
}

/** How to start one target. */
export interface TargetSpec {
  /** `twelvepack`, `bare`, `sirv`, `express`, `nginx`. */
  readonly name: string;
  /** Processes (WEB_CONCURRENCY for twelvepack). */
  readonly workers: number;
  /** The project root (dist/ inside). */
  readonly root: string;
  /** For `bare`: the file it always answers with, and whether with its .br sibling. */
  readonly file?: string;
  readonly encoding?: 'br' | 'identity';
  /** Extra V8 flags for the twelvepack processes. */
  readonly nodeFlags?: readonly string[];
  /** The program, when the name only labels a variant (`twelvepack` or a file in targets/); the name by default. */
  readonly program?: string;
  /** Extra environment for the target. */
  readonly env?: Readonly<Record<string, string>>;
}

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** Starts a target and waits until it answers. */
export async function startTarget(spec: TargetSpec): Promise<RunningTarget> {
  const port = await freePort();
  const dir = join(spec.root, 'dist', 'client');
  const env = {
    PATH: process.env.PATH ?? '',
    PORT: String(port),
    HOST: '127.0.0.1',
    DIR: dir,
    WORKERS: String(spec.workers),
    WEB_CONCURRENCY: String(spec.workers),
    FILE: spec.file ?? 'index.html',
    ENCODING: spec.encoding ?? 'identity',
    LOG_LEVEL: 'info',
    SQLITE_PATH: join(spec.root, '.cache', 'bench', 'kv.sqlite'),
    ...spec.env,
  };
  // Request logs go to /dev/null: written as in production, not kept.
  const child: ChildProcess = spec.name === 'nginx' ? spawnNginx(port, dir, spec.workers) : spawn(process.execPath, nodeArgs(spec), { env, stdio: ['ignore', 'ignore', 'inherit'], cwd: spec.root });
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    const ok = await fetch(`${url}/`, { headers: { Accept: 'text/html' } }).then((res) => res.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null || Date.now() - started > 20_000) throw new Error(`${spec.name} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  // Let the other workers finish booting too.
  await new Promise((resolve) => setTimeout(resolve, spec.workers > 1 ? 500 : 100));
  return {
    url,
    servingPids: () => childPids(child.pid!),
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}

function nodeArgs(spec: TargetSpec): string[] {
  const program = spec.program ?? spec.name;
  if (program === 'twelvepack') return [...(spec.nodeFlags ?? []), join(spec.root, 'dist', 'server', 'main.js')];
  return [join(__dirname, 'targets', `${program}.js`)];
}

function spawnNginx(port: number, root: string, workers: number): ChildProcess {
  const prefix = mkdtempSync(join(tmpdir(), 'twelvepack-nginx-'));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, nginxConfig({ port, root, workers, prefix }));
  return spawn(NGINX, ['-p', prefix, '-c', conf], { stdio: ['ignore', 'ignore', 'inherit'] });
}

/** The workers when the target forks them (a cluster, nginx even with one worker), otherwise the process itself. */
function childPids(pid: number): number[] {
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).trim().split('\n').map(Number).filter(Boolean);
    return children.length > 0 ? children : [pid];
  } catch {
    return [pid];
  }
}
