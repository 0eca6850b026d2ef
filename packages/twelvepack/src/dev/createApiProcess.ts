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
  /** The current child's base URL, once it listens; undefined while (re)starting or crashed. */
  url(): string | undefined;
  /** Stops the current child (if any) and starts a new one; resolves once it listens or has crashed. */
  restart(): Promise<void>;
  /** Stops the child, gracefully, then by force. */
  stop(): Promise<void>;
}

/**
 * Runs the API server for `npm run dev`. A crash is reported and the dev
 * server keeps running; the next server code change starts it again.
 */
export function createApiProcess({ entry, env, write }: ApiProcessOptions): ApiProcess {
  let child: ChildProcess | undefined;
  let currentUrl: string | undefined;
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      write(chunk.toString('utf8'));
      done();
    },
  });
  const pretty = PinoPretty({ colorize: process.stdout.isTTY, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname,config', destination });

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = undefined;
      currentUrl = undefined;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return resolve();
      const force = setTimeout(() => running.kill('SIGKILL'), 3000);
      running.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      running.kill('SIGTERM');
    });

  const start = () =>
    new Promise<void>((resolve) => {
      // An IPC channel: when this process dies, even by SIGKILL, the channel closes and the API process stops itself.
      const started = spawn(process.execPath, ['--enable-source-maps', entry], { env: { ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      child = started;
      let buffered = '';
      started.stdout!.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let newline = buffered.indexOf('\n');
        while (newline !== -1) {
          const line = buffered.slice(0, newline + 1);
          buffered = buffered.slice(newline + 1);
          const port = listeningPort(line);
          if (port !== undefined && child === started) {
            currentUrl = `http://127.0.0.1:${port}`;
            resolve();
          }
          pretty.write(line);
          newline = buffered.indexOf('\n');
        }
      });
      started.stderr!.on('data', (chunk: Buffer) => write(chunk.toString('utf8')));
      started.once('exit', (code, signal) => {
        if (child === started) {
          child = undefined;
          currentUrl = undefined;
          write(`\n  API server crashed (${signal ?? `exit code ${code}`}). Fix the server code; it restarts on the next change.\n\n`);
        }
        resolve();
      });
    });

  return {
    url: () => currentUrl,
    restart: async () => {
      await stop();
      await start();
    },
    stop,
  };
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
