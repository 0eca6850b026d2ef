import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';
import { describeWithBinary } from './describeWithBinary';
import { freePort } from './freePort';

/** Debian's redis-server; `.ci/run` installs it with apt. */
export const REDIS_SERVER = '/usr/bin/redis-server';

/** `describe` for tests that need a real Redis (skips loudly locally, fails under CI=true without it). */
export function describeWithRedis(name: string, body: () => void): void {
  describeWithBinary(REDIS_SERVER, 'redis-server', name, body);
}

/** A real redis-server on 127.0.0.1 and a free port, with nothing saved to disk. */
export interface TestRedis {
  readonly port: number;
  /** redis://127.0.0.1:<port>, with the password when one was set. */
  readonly url: string;
  /** Stops the server (SIGKILL: an outage, not a shutdown). */
  stop(): Promise<void>;
  /** Starts it again on the same port (a no-op while it runs). */
  start(): Promise<void>;
  /** Runs one command with a throwaway connection and returns the raw reply. */
  command(...args: string[]): Promise<string>;
}


/** Starts redis-server; the test must stop it. */
export async function startRedis(options: { password?: string } = {}): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const auth = options.password === undefined ? [] : ['--requirepass', options.password];

  const command = (...args: string[]) =>
    new Promise<string>((resolve, reject) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      const all = options.password === undefined ? [args] : [['AUTH', options.password], args];
      const payload = all.map((parts) => `*${parts.length}\r\n${parts.map((part) => `$${Buffer.byteLength(part)}\r\n${part}\r\n`).join('')}`).join('');
      let reply = '';
      socket.on('data', (chunk) => {
        reply += chunk.toString();
        // A reply is complete when it holds as many top-level answers as commands sent (simple heuristic: ends with CRLF and the bulk length is met).
        if (isComplete(reply, all.length)) {
          socket.end();
          resolve(options.password === undefined ? reply : reply.slice(reply.indexOf('\r\n') + 2));
        }
      });
      socket.on('error', reject);
      socket.write(payload);
    });

  const start = async () => {
    if (child !== undefined && child.exitCode === null && child.signalCode === null) return;
    child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...auth], { stdio: 'ignore' });
    const started = Date.now();
    for (;;) {
      try {
        if ((await command('PING')).startsWith('+PONG')) return;
      } catch {
        // not up yet
      }
      if (Date.now() - started > 10_000) throw new Error(`redis-server did not answer on port ${port} within 10 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null) return resolve();
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });

  await start();
  const credentials = options.password === undefined ? '' : `:${encodeURIComponent(options.password)}@`;
  return { port, url: `redis://${credentials}127.0.0.1:${port}`, stop, start, command };
}

function isComplete(reply: string, answers: number): boolean {
  let at = 0;
  for (let i = 0; i < answers; i += 1) {
    const end = reply.indexOf('\r\n', at);
    if (end === -1) return false;
    if (reply[at] === '$') {
      const length = Number(reply.slice(at + 1, end));
      if (length < 0) {
        at = end + 2;
        continue;
      }
      if (reply.length < end + 2 + length + 2) return false;
      at = end + 2 + length + 2;
    } else {
      at = end + 2;
    }
  }
  return true;
}
