import { spawn, type ChildProcess } from 'node:child_process';
import { Writable } from 'node:stream';
import PinoPretty from 'pino-pretty';

/** Options for {@link createApiProcess}. */
export interface ApiProcessOptions {
  /** The built server bundle to run. */
  readonly entry: string;
  /** Its environment (the dev config, with PORT=0 and SERVE_CLIENT=false). */
  readonly env: Readonly<Record<string, string>>;
  /** Where human-readable lines go. */
  readonly write: (text: string) => void;
}

/** The API server in a child process, restartable, with its JSON logs made readable. */
export interface ApiProcess {
  /** The serving child's base URL; undefined before the first one listens, and after it crashed. */
  url(): string | undefined;
  /** Starts a new child and, once it listens, stops the one serving; resolves then, or when the new one died at start. */
  restart(): Promise<void>;
  /**
   * The serving child's URL, waiting up to `timeoutMs` for one while a child is starting (or none has started
   * yet); undefined at once when none is serving and none is starting (after a crash).
   */
  whenServing(timeoutMs: number): Promise<string | undefined>;
  /** Stops the child, gracefully, then by force. */
  stop(): Promise<void>;
}

/** One API child, once it listens. */
interface RunningChild {
  readonly child: ChildProcess;
  readonly url: string;
}

/**
 * Runs the API server for `npm run dev`. A restart starts the new child first and moves requests to it once it
 * listens, then stops the old one gracefully (it finishes what it was answering), so an edit never leaves a moment
 * with no API. A new child that dies before it listens is reported, and the old one keeps answering. A crash of
 * the serving child is reported and the dev server keeps running; the next server code change starts it again.
 */
export function createApiProcess({ entry, env, write }: ApiProcessOptions): ApiProcess {
  let current: RunningChild | undefined;
  const starting = new Set<ChildProcess>();
  let restarts = Promise.resolve();
  let attempted = false;
  const waiters = new Set<() => void>();
  const settled = () => {
    for (const waiter of waiters) waiter();
    waiters.clear();
  };
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      write(chunk.toString('utf8'));
      done();
    },
  });
  const pretty = PinoPretty({ colorize: process.stdout.isTTY, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,config', destination });

  const onExit = (started: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => {
    if (current?.child !== started) return;
    current = undefined;
    write(`\n  API server crashed (${signal ?? `exit code ${code}`}). Fix the server code; it restarts on the next change.\n\n`);
  };
  const start = () => startChild(entry, env, pretty, write, onExit, starting);

  const restart = async () => {
    attempted = true;
    const next = await start();
    if (next === undefined) {
      settled();
      if (current !== undefined) write('  The previous API server keeps answering until a change starts one that listens.\n\n');
      return;
    }
    const previous = current;
    current = next;
    settled();
    await stopChild(previous?.child);
  };

  const whenServing = (timeoutMs: number) =>
    new Promise<string | undefined>((resolve) => {
      if (current !== undefined || (attempted && starting.size === 0)) return resolve(current?.url);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve(current?.url);
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(done);
    });

  return {
    url: () => current?.url,
    // One restart at a time: a second edit's waits for the first's child to listen.
    restart: () => (restarts = restarts.then(restart)),
    whenServing,
    stop: async () => {
      const running = current?.child;
      current = undefined;
      await Promise.all([stopChild(running), ...[...starting].map(stopChild)]);
    },
  };
}

/** Starts a child and resolves once it listens, or with undefined when it exits first (reported as a crash at start). */
function startChild(
  entry: string,
  env: Readonly<Record<string, string>>,
  pretty: { write(line: string): unknown },
  write: (text: string) => void,
  onExit: (child: ChildProcess, code: number | null, signal: NodeJS.Signals | null) => void,
  starting: Set<ChildProcess>,
): Promise<RunningChild | undefined> {
  return new Promise((resolve) => {
    // An IPC channel: when this process dies, even by SIGKILL, the channel closes and the API process stops itself.
    const started = spawn(process.execPath, ['--enable-source-maps', entry], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    starting.add(started);
    let buffered = '';
    started.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      for (let newline = buffered.indexOf('\n'); newline !== -1; newline = buffered.indexOf('\n')) {
        const line = buffered.slice(0, newline + 1);
        buffered = buffered.slice(newline + 1);
        const port = listeningPort(line);
        if (port !== undefined && starting.delete(started)) resolve({ child: started, url: `http://127.0.0.1:${port}` });
        pretty.write(line);
      }
    });
    started.stderr!.on('data', (chunk: Buffer) => write(chunk.toString('utf8')));
    started.once('exit', (code, signal) => {
      if (starting.delete(started)) {
        if (signal !== 'SIGTERM') write(`\n  API server crashed at start (${signal ?? `exit code ${code}`}). Fix the server code; it restarts on the next change.\n`);
        resolve(undefined);
        return;
      }
      onExit(started, code, signal);
    });
  });
}

/** Stops a child gracefully (SIGTERM: it finishes what it is answering), then by force after 3 s. */
function stopChild(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function listeningPort(line: string): number | undefined {
  if (!line.includes('"listening"')) return undefined;
  try {
    const parsed = JSON.parse(line) as { msg?: string; port?: number };
    return parsed.msg === 'listening' ? parsed.port : undefined;
  } catch {
    return undefined;
  }
}
