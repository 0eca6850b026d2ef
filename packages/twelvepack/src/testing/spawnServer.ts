import { spawn, type ChildProcess, type SpawnOptions as ChildSpawnOptions } from 'node:child_process';
import { join } from 'node:path';

/** A production server in a child process, as the platform runs it. */
export interface SpawnedServer {
  readonly child: ChildProcess;
  /** Every JSON log line so far (stdout), parsed. */
  readonly logs: Record<string, unknown>[];
  /** Everything written to stderr. */
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process ends. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a log line matches, or rejects after timeoutMs. */
  waitForLog(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Waits for the `listening` line, then for /readyz to answer 200; returns the base URL. */
  ready(timeoutMs?: number): Promise<string>;
  /** SIGKILLs the process, and every process it started (`npm start`'s node), if it is still running. */
  kill(): void;
}

/** Options for {@link spawnServer}. */
export interface SpawnOptions {
  /** The built app's folder: `dist/server/main.js` runs there (buildApp makes one). */
  readonly dir: string;
  /** Environment on top of a minimal one (PATH, HOME, PORT=0, HOST=127.0.0.1). */
  readonly env?: Readonly<Record<string, string>>;
  /** A shell command to run instead of `node dist/server/main.js` (the Procfile's, or `npm start`). */
  readonly command?: string;
}

/** Starts the built server (or a shell command, such as the Procfile's) with a clean environment; the test must stop it. */
export function spawnServer({ dir, env = {}, command }: SpawnOptions): SpawnedServer {
  const child = startChild(dir, env, command);
  const logs: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  const wakeAll = () => {
    for (const wake of waiters) wake();
  };
  collectJsonLines(child.stdout!, logs, wakeAll);
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    errors += chunk.toString('utf8');
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => {
      wakeAll();
      resolve({ code, signal });
    });
  });
  const seen = () => `stderr: ${errors}\nlogs: ${JSON.stringify(logs)}`;
  const waitForLog = (match: (line: Record<string, unknown>) => boolean, timeoutMs = 20_000) =>
    waitForLine({ child, logs, waiters, seen }, match, timeoutMs);

  return {
    child,
    logs,
    stderr: () => errors,
    exited,
    waitForLog,
    ready: (timeoutMs = 20_000) => waitUntilReady(waitForLog, timeoutMs),
    kill: () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (command !== undefined && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      else child.kill('SIGKILL');
    },
  };
}

function startChild(dir: string, env: Readonly<Record<string, string>>, command: string | undefined): ChildProcess {
  const fullEnv = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', ...env };
  // A command gets a process group of its own, so kill() reaches what it starts (npm start runs node in a child).
  const options: ChildSpawnOptions = { cwd: dir, env: fullEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: command !== undefined };
  return command
    ? spawn('sh', ['-c', `exec ${command}`], options)
    : spawn(process.execPath, [join(dir, 'dist', 'server', 'main.js')], options);
}

/** Parses each line of the stream into `logs` (a line that is not JSON as `{ unparsed }`), then calls `wake`. */
function collectJsonLines(stream: NodeJS.ReadableStream, logs: Record<string, unknown>[], wake: () => void): void {
  let buffered = '';
  stream.on('data', (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    let newline = buffered.indexOf('\n');
    while (newline !== -1) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') logs.push(parseLine(line));
      newline = buffered.indexOf('\n');
    }
    wake();
  });
}

interface LineWatch {
  readonly child: ChildProcess;
  readonly logs: readonly Record<string, unknown>[];
  readonly waiters: Set<() => void>;
  /** What the process printed so far, for the error when the line never comes. */
  readonly seen: () => string;
}

function waitForLine({ child, logs, waiters, seen }: LineWatch, match: (line: Record<string, unknown>) => boolean, timeoutMs: number) {
  return new Promise<Record<string, unknown>>((resolve, reject) => {
    const check = () => {
      const found = logs.find(match);
      if (found) {
        done();
        resolve(found);
      } else if (child.exitCode !== null || child.signalCode !== null) {
        done();
        reject(new Error(`The server exited before the expected log line. ${seen()}`));
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`No matching log line within ${timeoutMs} ms. ${seen()}`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      waiters.delete(check);
    };
    waiters.add(check);
    check();
  });
}

/** Waits for the `listening` line, then for /readyz to answer 200; resolves with the base URL. */
async function waitUntilReady(waitForLog: SpawnedServer['waitForLog'], timeoutMs: number): Promise<string> {
  const started = Date.now();
  const listening = await waitForLog((line) => line.msg === 'listening', timeoutMs);
  const url = `http://127.0.0.1:${listening.port as number}`;
  while (Date.now() - started < timeoutMs) {
    const status = await fetch(`${url}/readyz`).then((res) => res.status, () => 0);
    if (status === 200) return url;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url}/readyz did not answer 200 within ${timeoutMs} ms`);
}

function parseLine(line: string): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { unparsed: line };
  }
}
